namespace Portal.Institution.Contracts;

// Messages the Institution service publishes. Past tense; versioned by adding fields only.
// They carry ids, not documents: a consumer keeps what it needs in its own read model.

/// <summary>A school was registered in an organisation, or its details (name, code, phase) changed.</summary>
public sealed record InstitutionRegistered(
    Guid OrganisationId, Guid InstitutionId, string Name, string Code, string Phase, IReadOnlyList<YearGroupInfo> YearGroups, DateTimeOffset At);

public sealed record YearGroupInfo(string Id, string Name);

/// <summary>The schools of a cluster after a change (the whole membership, so order of delivery does not matter).</summary>
public sealed record ClusterMembershipChanged(
    Guid OrganisationId, Guid ClusterId, string Name, IReadOnlyList<Guid> InstitutionIds, long Version, DateTimeOffset At);

/// <summary>Whether a school's students get logins, and for which year groups. Carries the stream version so
/// consumers can ignore an older setting delivered after a newer one.</summary>
public sealed record StudentLoginsConfigured(
    Guid OrganisationId, Guid InstitutionId, bool Enabled, IReadOnlyList<string> YearGroups, long Version, DateTimeOffset At);

/// <summary>Which student-facing pages a school's students may see.</summary>
public sealed record StudentPortalVisibilityChanged(
    Guid OrganisationId, Guid InstitutionId, IReadOnlyList<string> VisiblePages, long Version, DateTimeOffset At);

/// <summary>The organisation's whole term calendar after a change.</summary>
public sealed record TermCalendarSet(Guid OrganisationId, IReadOnlyList<TermInfo> Terms, long Version, DateTimeOffset At);

public sealed record TermInfo(string TermId, string Name, DateOnly Start, DateOnly End);

/// <summary>
/// The rules a school sets for the students staff enter by hand: whether teachers may create students, and what a
/// student information number must look like. The whole set after any change.
/// </summary>
public sealed record StudentRosterRulesChanged(
    Guid OrganisationId,
    Guid InstitutionId,
    bool TeacherStudentCreationAllowed,
    bool StudentInformationNumberRequired,
    int StudentInformationNumberMinimumLength,
    bool StudentInformationNumberNumericOnly,
    long Version,
    DateTimeOffset At);
