using Marten;

namespace Portal.Roster.Dashboard.Visibility;

/// <summary>
/// The student-facing pages a school shows, as Institution last described them (StudentPortalVisibilityChanged), keyed
/// by the school id. A school with no such document has sent nothing yet: its students see only their own profile.
/// </summary>
public sealed record SchoolPortalVisibility(Guid Id, IReadOnlyList<string> VisiblePages, long Version, DateTimeOffset At);

public static class SchoolPortalVisibilities
{
    public static void Configure(StoreOptions options) =>
        // Two replicas may take two messages of one school at once: the loser of the race is retried against the winner.
        options.Schema.For<SchoolPortalVisibility>().UseOptimisticConcurrency(true);

    /// <summary>Records what the message says unless the school's pages already reflect this version or a newer one.</summary>
    public static async Task NoteAsync(IDocumentSession session, SchoolPortalVisibility described, CancellationToken cancellation)
    {
        var known = await session.LoadAsync<SchoolPortalVisibility>(described.Id, cancellation);
        if (known is null) session.Insert(described);
        else if (known.Version < described.Version) session.Store(described);
    }

    /// <summary>The pages the school shows; none before Institution has said.</summary>
    public static async Task<IReadOnlyList<string>> VisiblePagesOf(IQuerySession session, Guid school, CancellationToken cancellation) =>
        (await session.LoadAsync<SchoolPortalVisibility>(school, cancellation))?.VisiblePages ?? [];
}
