namespace Portal.Identity.Contracts;

// Messages the Identity service publishes. Past tense; versioned by adding fields only.

/// <summary>
/// A staff account as Identity now holds it, after any change: who it is (email), what kind of staff, the schools
/// it belongs to, and whether it may sign in. Carries the stream version, so an older one delivered late is ignored.
/// </summary>
public sealed record StaffAccountChanged(
    Guid OrganisationId,
    Guid AccountId,
    string Email,
    string GivenName,
    string FamilyName,
    string StaffType,
    IReadOnlyList<Guid> InstitutionIds,
    bool Active,
    long Version,
    DateTimeOffset At);

/// <summary>
/// A guardian's account as Identity now holds it, after registration or email verification. Guardians belong to no
/// organisation. Carries the stream version, so an older one delivered late is ignored.
/// </summary>
public sealed record GuardianAccountChanged(
    Guid AccountId,
    string Email,
    string GivenName,
    string FamilyName,
    bool EmailVerified,
    long Version,
    DateTimeOffset At);

/// <summary>
/// A student may now sign in: their account was created or reactivated because they became eligible (their school
/// has student logins on for their year group, the MIS gave them an email, they have not left). Username is the
/// synced email, lower-cased. Sent again, with the same meaning, when an enabled login moves to another school
/// or its username changes. Billing counts a student in a term when their login was enabled at any moment in it.
/// Version is the student-account stream's version.
/// </summary>
public sealed record StudentLoginEnabled(
    Guid OrganisationId,
    Guid StudentId,
    Guid SchoolId,
    string Username,
    long Version,
    DateTimeOffset At);

/// <summary>
/// A student may no longer sign in; their sessions and refresh tokens end. Reason: student-logins-off,
/// year-group-not-enabled, no-email, left or deleted.
/// </summary>
public sealed record StudentLoginDisabled(
    Guid OrganisationId,
    Guid StudentId,
    Guid SchoolId,
    string Reason,
    long Version,
    DateTimeOffset At);
