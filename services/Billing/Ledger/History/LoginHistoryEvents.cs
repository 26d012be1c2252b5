namespace Portal.Billing.Ledger.History;

// Events of a student's login-history stream (stream id = the student id, tenant = the organisation). Each records one
// transition Identity published, under Identity's own version of the student account, so the history can be put in
// Identity's order however the messages arrived.

/// <summary>Identity enabled the student's login at <see cref="SchoolId"/> (version <see cref="Version"/> of its account).</summary>
public sealed record LoginEnabledRecorded(Guid StudentId, Guid SchoolId, long Version, DateTimeOffset At);

/// <summary>Identity disabled the student's login (version <see cref="Version"/> of its account), for <see cref="Reason"/>.</summary>
public sealed record LoginDisabledRecorded(Guid StudentId, Guid SchoolId, string Reason, long Version, DateTimeOffset At);

/// <summary>Record a transition Identity published; one it has already recorded (same version) changes nothing.</summary>
public sealed record RecordLoginTransition(Guid StudentId, Guid SchoolId, bool Enabled, string? Reason, long Version, DateTimeOffset At);
