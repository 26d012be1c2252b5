using JasperFx.Events;
using Marten;
using Portal.AccessCode.Guardians;

namespace Portal.AccessCode.Codes;

/// <summary>
/// One entry of a student's access history. The actor is who did it: staff for issues, resets and revocations, nobody
/// for pairings (the guardian acted) and for what Roster noted. Never a code, its hash or its ciphertext.
/// </summary>
public sealed record AccessHistoryEntry(
    long Version,
    DateTimeOffset At,
    string Kind,
    Guid? ActorId,
    Guid? GuardianId = null,
    string? GuardianName = null,
    ResetReason? Reason = null,
    bool? Left = null);

public static class AccessHistory
{
    public const string Issued = "issued";
    public const string Reset = "reset";
    public const string GuardianPaired = "guardianPaired";
    public const string GuardianAccessRevoked = "guardianAccessRevoked";
    public const string StudentStatusNoted = "studentStatusNoted";

    /// <summary>The student's stream, oldest first.</summary>
    public static async Task<IReadOnlyList<AccessHistoryEntry>> Of(IQuerySession session, Guid student, CancellationToken cancellation)
    {
        var events = await session.Events.FetchStreamAsync(student, token: cancellation);
        var guardianIds = events.Select(e => e.Data switch
            {
                GuardianPairedWithStudent p => p.GuardianId,
                GuardianAccessRevokedFromStudent r => r.GuardianId,
                _ => (Guid?)null,
            })
            .OfType<Guid>().Distinct().ToArray();
        var guardians = guardianIds.Length == 0
            ? new Dictionary<Guid, KnownGuardian>()
            : (await session.LoadManyAsync<KnownGuardian>(cancellation, guardianIds)).ToDictionary(g => g.Id);
        string? NameOf(Guid guardian) => guardians.TryGetValue(guardian, out var g) ? g.Name : null;

        return events.OrderBy(e => e.Version).Select(e => Entry(e, NameOf)).OfType<AccessHistoryEntry>().ToList();
    }

    private static AccessHistoryEntry? Entry(IEvent e, Func<Guid, string?> nameOf) => e.Data switch
    {
        AccessCodeIssued issued => new(e.Version, issued.At, Issued, issued.ActorId),
        AccessCodeReset reset => new(e.Version, reset.At, Reset, reset.ActorId, Reason: reset.Reason),
        GuardianPairedWithStudent paired =>
            new(e.Version, paired.At, GuardianPaired, null, paired.GuardianId, nameOf(paired.GuardianId)),
        GuardianAccessRevokedFromStudent revoked =>
            new(e.Version, revoked.At, GuardianAccessRevoked, revoked.ActorId, revoked.GuardianId, nameOf(revoked.GuardianId)),
        StudentStatusNoted noted => new(e.Version, noted.At, StudentStatusNoted, null, Left: noted.Left),
        _ => null,
    };
}
