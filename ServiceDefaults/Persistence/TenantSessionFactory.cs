using Marten;

namespace Portal.ServiceDefaults.Persistence;

/// <summary>Injected sessions belong to the caller's organisation, so a query can never reach another tenant's rows.</summary>
public sealed class TenantSessionFactory(IDocumentStore store, TenantResolver tenants) : ISessionFactory
{
    public IQuerySession QuerySession() => store.QuerySession(tenants.CurrentTenant());

    public IDocumentSession OpenSession() => store.LightweightSession(tenants.CurrentTenant());
}
