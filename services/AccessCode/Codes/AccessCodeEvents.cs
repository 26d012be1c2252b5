namespace Portal.AccessCode.Codes;

// The events of a student's access-code stream (stream id = the student's id). A code is kept sealed (encrypted at
// rest, readable only by staff who may see it) and found by its keyed hash; the clear text is never stored.

/// <summary>How a code was sealed for storage: the ciphertext and the key it was sealed under.</summary>
public sealed record SealedCode(string Ciphertext, string KeyId);

public sealed record AccessCodeIssued(Guid StudentId, Guid SchoolId, string CodeHash, SealedCode Code, Guid ActorId, DateTimeOffset At);

public enum ResetReason { Reset, GuardianRevoked }

/// <summary>A new code replaced the old one: the old one pairs nobody any more; guardians already paired keep access.</summary>
public sealed record AccessCodeReset(
    Guid StudentId, string CodeHash, SealedCode Code, string ReplacedHash, ResetReason Reason, Guid ActorId, DateTimeOffset At);

public sealed record GuardianPairedWithStudent(Guid StudentId, Guid GuardianId, string CodeHash, DateTimeOffset At);

public sealed record GuardianAccessRevokedFromStudent(Guid StudentId, Guid GuardianId, Guid ActorId, DateTimeOffset At);

/// <summary>What Roster said of the student last: their school, and whether they have left.</summary>
public sealed record StudentStatusNoted(Guid StudentId, Guid SchoolId, bool Left, DateTimeOffset At);
