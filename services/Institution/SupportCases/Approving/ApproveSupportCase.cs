namespace Portal.Institution.SupportCases;

/// <summary>
/// A platform operator approves an open case. Its effect on the school is a separate School command in the same
/// session (see <see cref="StudentLoginsRequest.SettingsAfterApproval"/>).
/// </summary>
public sealed record ApproveSupportCase(Guid CaseId, Guid ActorId, DateTimeOffset At);

public sealed record SupportCaseApproved(Guid CaseId, Guid SchoolId, Guid ActorId, DateTimeOffset At);

public static partial class SupportCase
{
    public static object[] Decide(ApproveSupportCase command, SupportCaseState state)
    {
        EnsureOpen(state, "approved");
        return [new SupportCaseApproved(state.Id, state.SchoolId, command.ActorId, command.At.ToUniversalTime())];
    }
}
