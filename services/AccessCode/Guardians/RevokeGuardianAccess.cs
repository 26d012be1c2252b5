using Marten;
using Portal.AccessCode.Access;
using Portal.AccessCode.Codes;
using Portal.AccessCode.Pairing;
using Portal.ServiceDefaults.Problems;

namespace Portal.AccessCode.Guardians;

public sealed record RevokeRequest(IReadOnlyList<Guid>? StudentIds);

/// <summary>The code that replaced the revoked one, printed, for staff to hand to anyone still to pair.</summary>
public sealed record RevokedStudent(Guid StudentId, string NewCode);

/// <summary>
/// Staff end a guardian's access to the chosen students. Each student's code is reset with it, so the code the guardian
/// had pairs nobody again. All students or none: one refused (out of reach, not paired) leaves every one unchanged.
/// </summary>
public static class RevokeGuardianAccessEndpoint
{
    public static async Task<IResult> Handle(
        Guid guardian, RevokeRequest? body, IDocumentSession session, AccessCodeSecrets secrets, TimeProvider clock, HttpContext http)
    {
        var students = body?.StudentIds?.Distinct().ToList() ?? [];
        if (students.Count == 0)
            throw new ValidationFailed("studentIds", "Name at least one student (studentIds) whose access this guardian is to lose.");

        var cancellation = http.RequestAborted;
        var (actor, now) = (CodeAccess.ActorId(http), clock.GetUtcNow());
        var revoked = new List<RevokedStudent>(students.Count);
        foreach (var id in students)
        {
            await CodeAccess.ReachableStudent(session, http, id);
            var stream = await session.Events.FetchForWriting<AccessCodeState>(id, cancellation);
            if (stream.Aggregate is not { } state || !state.IsPaired(guardian))
                throw new NotFound($"Guardian {guardian} is not paired with student {id}.");
            var (printed, code) = secrets.NewCodeFor(id);
            var events = Codes.AccessCode.Decide(new RevokeGuardianAccess(id, guardian, code, actor, now), state);
            stream.AppendMany(events);
            CodeLookup.RecordCodesOf(session, events);
            GuardianLinks.Revoked(session, guardian, id);
            revoked.Add(new RevokedStudent(id, printed));
        }
        await session.SaveChangesAsync(cancellation);
        return Results.Ok(revoked);
    }
}
