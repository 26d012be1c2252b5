namespace Portal.Identity.Students.StartCards.Codes;

/// <summary>
/// What a setup code needs to know of a student's account: whether their login is enabled (only then may a card be
/// printed or a code used), their school, and the current code. A second inline snapshot of the student-account
/// stream, so the code's decisions and the login's share one stream version. Disabling the login kills the code.
/// </summary>
public sealed record StudentSetupCodeState(
    Guid Id, Guid OrganisationId, Guid SchoolId, bool Enabled, string? CodeHash, DateTimeOffset? ExpiresAt, bool Used)
{
    public static StudentSetupCodeState Create(StudentLoginEnabled e) => new(e.StudentId, e.OrganisationId, e.SchoolId, true, null, null, false);

    public static StudentSetupCodeState Create(StudentLoginWithheld e) => new(e.StudentId, e.OrganisationId, e.SchoolId, false, null, null, false);

    public StudentSetupCodeState Apply(StudentLoginEnabled e) => this with { SchoolId = e.SchoolId, Enabled = true };

    public StudentSetupCodeState Apply(StudentLoginDisabled e) =>
        this with { SchoolId = e.SchoolId, Enabled = false, CodeHash = null, ExpiresAt = null, Used = false };

    public StudentSetupCodeState Apply(StudentLoginMoved e) => this with { SchoolId = e.SchoolId };

    public StudentSetupCodeState Apply(StudentLoginWithheld e) => this;

    public StudentSetupCodeState Apply(StudentUsernameChanged e) => this;

    public StudentSetupCodeState Apply(StudentSetupCodeIssued e) =>
        this with { SchoolId = e.SchoolId, CodeHash = e.CodeHash, ExpiresAt = e.ExpiresAt, Used = false };

    public StudentSetupCodeState Apply(StudentSetupCodeUsed e) => this with { Used = true };
}
