namespace Portal.Identity.Guardians;

/// <summary>
/// A guardian's account, in the default tenant: guardians belong to no organisation (DESIGN §3). Marten keeps it as an
/// inline snapshot through the public Create/Apply methods.
/// </summary>
public sealed record GuardianAccountState(
    Guid Id, string Email, string GivenName, string FamilyName, bool EmailVerified, string? LinkHash, DateTimeOffset? LinkExpiresAt)
{
    public static GuardianAccountState Create(GuardianRegistered e) =>
        new(e.AccountId, e.Email, e.GivenName, e.FamilyName, EmailVerified: false, LinkHash: null, LinkExpiresAt: null);

    public GuardianAccountState Apply(GuardianVerificationLinkIssued e) => this with { LinkHash = e.TokenHash, LinkExpiresAt = e.ExpiresAt };

    public GuardianAccountState Apply(GuardianEmailVerified e) => this with { EmailVerified = true };

    public string DisplayName => $"{GivenName} {FamilyName}";
}
