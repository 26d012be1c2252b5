namespace Portal.Identity.Students;

/// <summary>
/// A student's account as Identity holds it: whether they may sign in, with which username, in which school.
/// <see cref="Withheld"/> remembers the last username refused as taken, so the same refusal is not recorded twice.
/// Marten keeps it as an inline snapshot through the public Create/Apply methods.
/// </summary>
public sealed record StudentLoginState(
    Guid Id, Guid OrganisationId, Guid SchoolId, string? Username, bool Enabled, string? Withheld)
{
    public static StudentLoginState Create(StudentLoginEnabled e) =>
        new(e.StudentId, e.OrganisationId, e.SchoolId, e.Username, Enabled: true, Withheld: null);

    public static StudentLoginState Create(StudentLoginWithheld e) =>
        new(e.StudentId, e.OrganisationId, e.SchoolId, Username: null, Enabled: false, Withheld: e.Username);

    public StudentLoginState Apply(StudentLoginEnabled e) =>
        this with { SchoolId = e.SchoolId, Username = e.Username, Enabled = true, Withheld = null };

    public StudentLoginState Apply(StudentLoginDisabled e) => this with { SchoolId = e.SchoolId, Enabled = false };

    public StudentLoginState Apply(StudentUsernameChanged e) => this with { Username = e.Username, Withheld = null };

    public StudentLoginState Apply(StudentLoginMoved e) => this with { SchoolId = e.SchoolId };

    public StudentLoginState Apply(StudentLoginWithheld e) => this with { Withheld = e.Username };
}
