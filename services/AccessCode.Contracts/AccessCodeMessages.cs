namespace Portal.AccessCode.Contracts;

// Messages the AccessCode service publishes. Past tense; versioned by adding fields only. Each carries the student's
// access-code stream version, so a consumer can ignore an older one delivered after a newer one.

/// <summary>A guardian redeemed a student's access code: from now on the guardian may see that student.</summary>
public sealed record GuardianPaired(
    Guid OrganisationId, Guid StudentId, Guid SchoolId, Guid GuardianId, long Version, DateTimeOffset At);

/// <summary>Staff removed a guardian's access to a student (the student's code was reset with it).</summary>
public sealed record GuardianAccessRevoked(
    Guid OrganisationId, Guid StudentId, Guid SchoolId, Guid GuardianId, Guid ActorId, long Version, DateTimeOffset At);
