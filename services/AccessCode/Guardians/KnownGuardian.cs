using Marten;
using MassTransit;
using Portal.Identity.Contracts;
using Portal.ServiceDefaults.Messaging;
using Portal.ServiceDefaults.Persistence;

namespace Portal.AccessCode.Guardians;

/// <summary>A guardian's account as Identity described it (GuardianAccountChanged). Guardians belong to no organisation.</summary>
public sealed record KnownGuardian(Guid Id, string Email, string GivenName, string FamilyName, bool EmailVerified, long Version)
{
    public string Name => $"{GivenName} {FamilyName}";

    public static void Configure(StoreOptions options) => options.Schema.For<KnownGuardian>().SingleTenanted();
}

public sealed class GuardianAccountChangedConsumer(IDocumentStore store) : IdempotentConsumer<GuardianAccountChanged>(store)
{
    protected override string TenantOf(GuardianAccountChanged message) => TenantResolver.NoTenant;

    protected override async Task ApplyAsync(ConsumeContext<GuardianAccountChanged> context, IDocumentSession session)
    {
        var m = context.Message;
        var known = await session.LoadAsync<KnownGuardian>(m.AccountId, context.CancellationToken);
        if (known is not null && known.Version >= m.Version) return;
        session.Store(new KnownGuardian(m.AccountId, m.Email, m.GivenName, m.FamilyName, m.EmailVerified, m.Version));
    }
}
