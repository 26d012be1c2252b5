namespace Portal.Institution.SupportCases;

public enum SupportCaseStatus
{
    Open,
    Approved,
    Rejected,
}

/// <summary>What a case asks for, as staff and operators see it.</summary>
public static class SupportCaseKinds
{
    public const string StudentLogins = "Student logins to the portal";
}

/// <summary>
/// A request from a school that a platform operator approves or rejects. Marten live-aggregates it through Create/Apply.
/// </summary>
public sealed record SupportCaseState(
    Guid Id,
    Guid SchoolId,
    string Kind,
    IReadOnlyList<string> YearGroups,
    string? Note,
    Guid RaisedBy,
    DateTimeOffset RaisedAt,
    SupportCaseStatus Status,
    Guid? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? RejectionReason)
{
    public static SupportCaseState Create(StudentLoginsCaseRaised e) => new(
        e.CaseId, e.SchoolId, SupportCaseKinds.StudentLogins, e.YearGroups, e.Note, e.ActorId, e.At,
        SupportCaseStatus.Open, DecidedBy: null, DecidedAt: null, RejectionReason: null);

    public SupportCaseState Apply(SupportCaseApproved e) =>
        this with { Status = SupportCaseStatus.Approved, DecidedBy = e.ActorId, DecidedAt = e.At };

    public SupportCaseState Apply(SupportCaseRejected e) =>
        this with { Status = SupportCaseStatus.Rejected, DecidedBy = e.ActorId, DecidedAt = e.At, RejectionReason = e.Reason };
}
