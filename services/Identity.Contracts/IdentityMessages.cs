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
