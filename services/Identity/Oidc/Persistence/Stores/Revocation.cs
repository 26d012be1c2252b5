using Marten;

namespace Portal.Identity.Oidc.Persistence.Stores;

/// <summary>
/// Bulk status changes through versioned updates rather than a blind patch, so a revocation can never be
/// overwritten by a redemption that read the token before it (that redemption fails its version check instead).
/// </summary>
internal static class Revocation
{
    private const int Attempts = 5;

    public static async ValueTask<long> RevokeAsync<TDocument>(
        IDocumentStore store, Func<IQueryable<TDocument>, IQueryable<TDocument>> notYetRevoked, Action<TDocument> revoke,
        CancellationToken cancellationToken) where TDocument : OidcDocument, new()
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var documents = await notYetRevoked(session.Query<TDocument>()).ToListAsync(cancellationToken);
            foreach (var document in documents)
            {
                revoke(document);
                session.UpdateExpectedVersion(document, document.Version);
            }

            try
            {
                await session.SaveChangesAsync(cancellationToken);
                return documents.Count;
            }
            catch (Exception exception) when (attempt < Attempts && MartenOidcStore<TDocument>.IsConcurrencyConflict(exception))
            {
                // Something changed one of them meanwhile: read the set again and revoke what is still valid.
            }
        }
    }
}
