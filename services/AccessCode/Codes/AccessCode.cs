using Portal.ServiceDefaults.Problems;

namespace Portal.AccessCode.Codes;

/// <summary>A freshly generated code as the decider records it: its lookup hash and its sealed text.</summary>
public sealed record NewCode(string Hash, SealedCode Sealed);

public sealed record IssueAccessCode(Guid StudentId, Guid SchoolId, NewCode Code, Guid ActorId, DateTimeOffset At);

public sealed record ResetAccessCode(Guid StudentId, NewCode Code, Guid ActorId, DateTimeOffset At);

/// <param name="CodeHash">The hash of the code the guardian entered, which led to this student's stream.</param>
public sealed record PairGuardian(Guid StudentId, Guid GuardianId, string CodeHash, DateTimeOffset At);

/// <summary>Revoking resets the student's code too, so the code the guardian had cannot pair anyone again.</summary>
public sealed record RevokeGuardianAccess(Guid StudentId, Guid GuardianId, NewCode Code, Guid ActorId, DateTimeOffset At);

public sealed record NoteStudentStatus(Guid StudentId, Guid SchoolId, bool Left, DateTimeOffset At);

/// <summary>
/// The access-code decider, pure: refusals throw RuleViolation (409) or NotFound (404); a command that changes nothing
/// returns no events. Pairing refusals say what went wrong (replaced code, student left) and nothing more.
/// </summary>
public static class AccessCode
{
    public static object[] Decide(IssueAccessCode command, AccessCodeState? state)
    {
        if (state?.CodeHash is not null)
            throw new RuleViolation($"Student {command.StudentId} already has an access code; reset it to issue a new one.");
        if (state is { StudentLeft: true })
            throw new RuleViolation($"Student {command.StudentId} has left the school; no access code is issued for them.");
        return [new AccessCodeIssued(command.StudentId, command.SchoolId, command.Code.Hash, command.Code.Sealed, command.ActorId, command.At.ToUniversalTime())];
    }

    public static object[] Decide(ResetAccessCode command, AccessCodeState state) =>
        state.CodeHash is { } current
            ? [new AccessCodeReset(command.StudentId, command.Code.Hash, command.Code.Sealed, current, ResetReason.Reset, command.ActorId, command.At.ToUniversalTime())]
            : throw new RuleViolation($"Student {command.StudentId} has no access code yet; enable parent/guardian login first.");

    public static object[] Decide(PairGuardian command, AccessCodeState state)
    {
        if (state.ReplacedHashes.Contains(command.CodeHash))
            throw new RuleViolation("This access code has been replaced by a newer one. Ask the school for the current code.");
        if (state.CodeHash != command.CodeHash)
            throw new NotFound("There is no such access code. Check the code on the letter from the school.");
        if (state.StudentLeft)
            throw new RuleViolation("The student this access code belongs to has left the school.");
        return state.IsPaired(command.GuardianId)
            ? []
            : [new GuardianPairedWithStudent(command.StudentId, command.GuardianId, command.CodeHash, command.At.ToUniversalTime())];
    }

    public static object[] Decide(RevokeGuardianAccess command, AccessCodeState state)
    {
        if (!state.IsPaired(command.GuardianId))
            throw new NotFound($"Guardian {command.GuardianId} is not paired with student {command.StudentId}.");
        var at = command.At.ToUniversalTime();
        return
        [
            new GuardianAccessRevokedFromStudent(command.StudentId, command.GuardianId, command.ActorId, at),
            new AccessCodeReset(command.StudentId, command.Code.Hash, command.Code.Sealed, state.CodeHash!, ResetReason.GuardianRevoked,
                command.ActorId, at),
        ];
    }

    public static object[] Decide(NoteStudentStatus command, AccessCodeState? state) =>
        state is not null && state.SchoolId == command.SchoolId && state.StudentLeft == command.Left
            ? []
            : [new StudentStatusNoted(command.StudentId, command.SchoolId, command.Left, command.At.ToUniversalTime())];
}
