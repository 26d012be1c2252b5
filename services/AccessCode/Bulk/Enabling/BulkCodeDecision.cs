using Portal.AccessCode.Codes;

namespace Portal.AccessCode.Bulk.Enabling;

public enum BulkOutcome { Issued, Reset, Unchanged, Skipped }

/// <summary>
/// What a bulk request does to one student's codes, through the access-code decider: a student without a code gets
/// one; a student with one gets a new one when the caller asked to reset all, and keeps theirs otherwise.
/// </summary>
public static class BulkCodeDecision
{
    public static (BulkOutcome Outcome, object[] Events) For(
        BulkMode mode, Guid student, Guid school, AccessCodeState? state, Func<NewCode> newCode, Guid actor, DateTimeOffset at)
    {
        // The roll says the student is here but their code stream last heard they had left (Roster's messages are
        // still on their way): no code is issued or printed until the stream agrees.
        if (state is { StudentLeft: true }) return (BulkOutcome.Skipped, []);
        if (state?.CodeHash is null)
            return (BulkOutcome.Issued, Codes.AccessCode.Decide(new IssueAccessCode(student, school, newCode(), actor, at), state));
        return mode == BulkMode.ResetAll
            ? (BulkOutcome.Reset, Codes.AccessCode.Decide(new ResetAccessCode(student, newCode(), actor, at), state))
            : (BulkOutcome.Unchanged, []);
    }
}
