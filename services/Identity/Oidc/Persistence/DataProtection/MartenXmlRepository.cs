using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Portal.Identity.Oidc.Persistence.DataProtection;

/// <summary>
/// Keeps the Data Protection key ring in PostgreSQL, so cookies, codes and refresh tokens sealed by one replica
/// open on every other and survive restarts. Global: the default tenant's session, whoever is calling.
/// </summary>
public sealed class MartenXmlRepository(IDocumentStore store, TimeProvider clock) : IXmlRepository
{
    // IXmlRepository is synchronous and Marten 9 asynchronous only: blocking is acceptable here because the key
    // manager calls it rarely (startup, key creation, a refresh about daily) and caches the ring in between.
    public IReadOnlyCollection<XElement> GetAllElements() => GetAllElementsAsync().GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) =>
        StoreElementAsync(element, friendlyName).GetAwaiter().GetResult();

    private async Task<IReadOnlyCollection<XElement>> GetAllElementsAsync()
    {
        await using var session = store.QuerySession();
        var keys = await session.Query<DataProtectionKey>().OrderBy(k => k.StoredAt).ToListAsync();
        return keys.Select(k => XElement.Parse(k.Xml)).ToList().AsReadOnly();
    }

    private async Task StoreElementAsync(XElement element, string friendlyName)
    {
        await using var session = store.LightweightSession();
        session.Insert(new DataProtectionKey
        {
            Id = Guid.NewGuid(),
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
            StoredAt = clock.GetUtcNow()
        });
        await session.SaveChangesAsync();
    }
}
