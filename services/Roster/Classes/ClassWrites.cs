using Marten;
using Portal.Roster.Access;
using Portal.ServiceDefaults.Persistence;

namespace Portal.Roster.Classes;

/// <summary>How the class endpoints run a decider on one class the caller reaches.</summary>
public static class ClassWrites
{
    /// <summary>
    /// Decides on the class when the endpoint's granted scope reaches it (otherwise 404, as for a class that does not
    /// exist), honouring If-Match and answering the new version as an ETag.
    /// </summary>
    public static async Task<long> Change(
        this IDocumentSession session, HttpContext http, Guid id, Func<ClassState, Guid, DateTimeOffset, object[]> decide)
    {
        await RosterAccess.ReachableClass(session, http, id);
        var actor = RosterAccess.ActorId(http);
        return await session.Decide<ClassState>(id, http, state => decide(state, actor, DateTimeOffset.UtcNow), RosterAccess.ClassNotFound(id));
    }
}
