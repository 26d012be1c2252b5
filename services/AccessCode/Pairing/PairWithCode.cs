using JasperFx;
using Marten;
using Portal.AccessCode.Access;
using Portal.AccessCode.Codes;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Problems;

namespace Portal.AccessCode.Pairing;

public sealed record PairRequest(string? Code);

public sealed record PairedStudent(
    Guid StudentId, string? StudentName, Guid SchoolId, string? SchoolName, DateTimeOffset PairedAt, bool AlreadyPaired);

/// <summary>
/// A signed-in guardian redeems a code: the code's keyed hash leads to the student's organisation and stream, where the
/// decider pairs them. Every refused code counts against the guardian and the address (<see cref="PairingLockout"/>);
/// refusals name nothing of the student or school behind a code that did not pair.
/// </summary>
public static class PairWithCode
{
    public const string NoSuchCode = "There is no such access code. Check the code on the letter from the school.";

    public static string WhatACodeLooksLike =>
        $"An access code has {AccessCodeText.Length} letters and digits, printed in groups of {AccessCodeText.GroupLength} like "
        + "K7QM-2XPD-9HTR; it has no 0, O, 1, I, L, U or V. Spaces, dashes and small or capital letters do not matter.";

    public static async Task<IResult> Handle(
        PairRequest? body, IDocumentStore store, AccessCodeSecrets secrets, TimeProvider clock, HttpContext http)
    {
        var guardian = CodeAccess.GuardianOf(http);
        var cancellation = http.RequestAborted;
        var now = clock.GetUtcNow();
        var keys = PairingLockout.KeysOf(guardian, http);
        await PairingLockout.EnsureNotLocked(store, keys, now, cancellation);
        try
        {
            var hash = secrets.HashOfEntered(body?.Code) ?? throw new ValidationFailed("code", WhatACodeLooksLike);
            return Results.Ok(await Pair(store, guardian, hash, now, cancellation));
        }
        catch (Exception refusal) when (refusal is ValidationFailed or NotFound or RuleViolation)
        {
            await PairingLockout.CountFailure(store, keys, now, cancellation);
            throw;
        }
    }

    private static async Task<PairedStudent> Pair(IDocumentStore store, Guid guardian, string hash, DateTimeOffset now, CancellationToken cancellation)
    {
        CodeLookupEntry? entry;
        await using (var lookup = store.QuerySession(TenantResolver.NoTenant))
            entry = await lookup.LoadAsync<CodeLookupEntry>(hash, cancellation);
        if (entry is null) throw new NotFound(NoSuchCode);

        try
        {
            return await PairInOrganisation(store, entry, guardian, hash, now, cancellation);
        }
        catch (ConcurrencyException)
        {
            // Another guardian paired with the same student at the same moment: decide again on what they left.
            return await PairInOrganisation(store, entry, guardian, hash, now, cancellation);
        }
    }

    private static async Task<PairedStudent> PairInOrganisation(
        IDocumentStore store, CodeLookupEntry entry, Guid guardian, string hash, DateTimeOffset now, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession(entry.OrganisationId.ToString());
        var stream = await session.Events.FetchForWriting<AccessCodeState>(entry.StudentId, cancellation);
        var state = stream.Aggregate ?? throw new NotFound(NoSuchCode);
        var events = Codes.AccessCode.Decide(new PairGuardian(entry.StudentId, guardian, hash, now), state);
        var alreadyPaired = events.Length == 0;
        if (!alreadyPaired)
        {
            stream.AppendMany(events);
            GuardianLinks.Paired(session, guardian, entry.OrganisationId, state.SchoolId, entry.StudentId, now);
            await session.SaveChangesAsync(cancellation);
        }

        var pairedAt = alreadyPaired ? state.Pairings.First(p => p.GuardianId == guardian).PairedAt : now;
        var names = await StudentNames.Load(session, [entry.StudentId], cancellation);
        return new PairedStudent(entry.StudentId, names.Student(entry.StudentId)?.Name, state.SchoolId, names.SchoolName(state.SchoolId),
            pairedAt, alreadyPaired);
    }
}
