using Portal.ServiceDefaults.Problems;

namespace Portal.Institution.SupportCases;

/// <summary>A platform operator rejects an open case, saying why (the school sees the reason).</summary>
public sealed record RejectSupportCase(Guid CaseId, string Reason, Guid ActorId, DateTimeOffset At);

public sealed record SupportCaseRejected(Guid CaseId, Guid SchoolId, string Reason, Guid ActorId, DateTimeOffset At);

public static partial class SupportCase
{
    public static object[] Decide(RejectSupportCase command, SupportCaseState state)
    {
        var reason = Text.Required(command.Reason, "reason", "A reason for rejecting the case", MaxTextLength);
        EnsureOpen(state, "rejected");
        return [new SupportCaseRejected(state.Id, state.SchoolId, reason, command.ActorId, command.At.ToUniversalTime())];
    }
}
