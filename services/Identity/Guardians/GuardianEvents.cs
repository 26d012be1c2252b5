namespace Portal.Identity.Guardians;

public sealed record GuardianRegistered(Guid AccountId, string Email, string GivenName, string FamilyName, DateTimeOffset At);

/// <summary>A verification link went out; only the hash of its token is kept, and a newer link replaces an older one.</summary>
public sealed record GuardianVerificationLinkIssued(Guid AccountId, string TokenHash, DateTimeOffset ExpiresAt, DateTimeOffset At);

public sealed record GuardianEmailVerified(Guid AccountId, string Email, DateTimeOffset At);
