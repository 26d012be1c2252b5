namespace Portal.Identity.Students;

// Events of a student-account stream: stream id = the student's Roster id, tenant = their organisation.

/// <summary>The student may sign in (a new account, or one reactivated); the username is their synced email, lower-cased.</summary>
public sealed record StudentLoginEnabled(Guid StudentId, Guid OrganisationId, Guid SchoolId, string Username, DateTimeOffset At);

/// <summary>The student may no longer sign in; <see cref="Reason"/> is one of <see cref="StudentLoginReasons"/>.</summary>
public sealed record StudentLoginDisabled(Guid StudentId, Guid OrganisationId, Guid SchoolId, string Reason, DateTimeOffset At);

/// <summary>The synced email changed while the login was enabled: the student now signs in with the new one.</summary>
public sealed record StudentUsernameChanged(Guid StudentId, Guid OrganisationId, Guid SchoolId, string Username, DateTimeOffset At);

/// <summary>An enabled student now belongs to another school of the organisation, where their login stays on.</summary>
public sealed record StudentLoginMoved(Guid StudentId, Guid OrganisationId, Guid SchoolId, DateTimeOffset At);

/// <summary>
/// The student is eligible but their email is already another account's sign-in name, so the login (or the new
/// username) was not given. Recorded so staff and support can see why a student has no login.
/// </summary>
public sealed record StudentLoginWithheld(Guid StudentId, Guid OrganisationId, Guid SchoolId, string Username, string Reason, DateTimeOffset At);

/// <summary>Why a student has no login; the values travel in <c>StudentLoginDisabled</c> and <c>StudentLoginWithheld</c>.</summary>
public static class StudentLoginReasons
{
    public const string StudentLoginsOff = "student-logins-off";
    public const string YearGroupNotEnabled = "year-group-not-enabled";
    public const string NoEmail = "no-email";
    public const string Left = "left";
    public const string Deleted = "deleted";
    public const string UsernameTaken = "username-taken";
}
