using System.Runtime.CompilerServices;
using Marten;
using static OpenIddict.Abstractions.OpenIddictExceptions;

namespace Portal.Identity.Oidc.Persistence.Stores;

// Marten's async LINQ operators constrain T to notnull; OpenIddict's generic members cannot, and what they project is
// entity data either way.
#pragma warning disable CS8714

/// <summary>
/// The members every OpenIddict store has in common. OpenIddict entities are global, so each call opens its own
/// session on the default tenant instead of using the request's session, which belongs to the caller's organisation.
/// </summary>
public abstract class MartenOidcStore<TDocument>(IDocumentStore store) where TDocument : OidcDocument, new()
{
    protected IDocumentStore Store { get; } = store;

    public virtual async ValueTask<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var session = Store.QuerySession();
        return await session.Query<TDocument>().LongCountAsync(cancellationToken);
    }

    public virtual async ValueTask<long> CountAsync<TResult>(
        Func<IQueryable<TDocument>, IQueryable<TResult>> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var session = Store.QuerySession();
        return await query(session.Query<TDocument>()).LongCountAsync(cancellationToken);
    }

    public virtual async ValueTask CreateAsync(TDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        await using var session = Store.LightweightSession();
        session.Insert(document);
        await session.SaveChangesAsync(cancellationToken);
    }

    public virtual async ValueTask UpdateAsync(TDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        await using var session = Store.LightweightSession();
        session.UpdateExpectedVersion(document, document.Version);
        await SaveCheckedAsync(session, cancellationToken);
    }

    public virtual async ValueTask DeleteAsync(TDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        await using var session = Store.LightweightSession();
        DeleteDependents(session, document.Id.ToString());
        // Marten checks versions on updates only: the no-op update fails the whole transaction when the
        // document changed since it was read, so a stale delete removes nothing.
        session.UpdateExpectedVersion(document, document.Version);
        var id = document.Id;
        session.DeleteWhere<TDocument>(d => d.Id == id);
        await SaveCheckedAsync(session, cancellationToken);
    }

    /// <summary>Queues the deletion of what belongs to the document (an application's tokens, say).</summary>
    protected virtual void DeleteDependents(IDocumentSession session, string id)
    {
    }

    public virtual async ValueTask<TDocument?> FindByIdAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        if (!Guid.TryParse(identifier, out var id)) return null;
        await using var session = Store.QuerySession();
        return await session.LoadAsync<TDocument>(id, cancellationToken);
    }

    public virtual async ValueTask<TResult?> GetAsync<TState, TResult>(
        Func<IQueryable<TDocument>, TState, IQueryable<TResult>> query, TState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var session = Store.QuerySession();
        return await query(session.Query<TDocument>(), state).FirstOrDefaultAsync(cancellationToken);
    }

    public virtual ValueTask<string?> GetIdAsync(TDocument document, CancellationToken cancellationToken) =>
        new(document.Id.ToString());

    public virtual ValueTask<TDocument> InstantiateAsync(CancellationToken cancellationToken) => new(new TDocument());

    public virtual async IAsyncEnumerable<TDocument> ListAsync(
        int? count, int? offset, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var session = Store.QuerySession();
        IQueryable<TDocument> query = session.Query<TDocument>().OrderBy(d => d.Id);
        if (offset is { } skip) query = query.Skip(skip);
        if (count is { } take) query = query.Take(take);
        await foreach (var document in query.ToAsyncEnumerable(cancellationToken)) yield return document;
    }

    public virtual async IAsyncEnumerable<TResult> ListAsync<TState, TResult>(
        Func<IQueryable<TDocument>, TState, IQueryable<TResult>> query, TState state,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var session = Store.QuerySession();
        await foreach (var result in query(session.Query<TDocument>(), state).ToAsyncEnumerable(cancellationToken))
            yield return result;
    }

    protected async IAsyncEnumerable<TDocument> StreamAsync(
        Func<IQueryable<TDocument>, IQueryable<TDocument>> query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var session = Store.QuerySession();
        await foreach (var document in query(session.Query<TDocument>()).ToAsyncEnumerable(cancellationToken))
            yield return document;
    }

    protected async ValueTask<TDocument?> FirstAsync(
        System.Linq.Expressions.Expression<Func<TDocument, bool>> predicate, CancellationToken cancellationToken)
    {
        await using var session = Store.QuerySession();
        return await session.Query<TDocument>().FirstOrDefaultAsync(predicate, cancellationToken);
    }

    /// <summary>Setters change the entity in memory only; the manager saves it through Create or Update.</summary>
    protected static ValueTask Set(Action assign)
    {
        assign();
        return ValueTask.CompletedTask;
    }

    /// <summary>Saves, answering a stale version as OpenIddict's concurrency failure (its managers catch that one).</summary>
    protected static async Task SaveCheckedAsync(IDocumentSession session, CancellationToken cancellationToken)
    {
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (IsConcurrencyConflict(exception))
        {
            throw new ConcurrencyException(
                "The entity was changed or removed by someone else since it was read; reload it and try again.", exception);
        }
    }

    internal static bool IsConcurrencyConflict(Exception exception) => exception switch
    {
        JasperFx.ConcurrencyException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsConcurrencyConflict),
        _ => false
    };
}
