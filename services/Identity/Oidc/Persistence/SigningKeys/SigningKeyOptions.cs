namespace Portal.Identity.Oidc.Persistence.SigningKeys;

/// <summary>Bound from <c>Portal:Identity:SigningKeys</c>.</summary>
public sealed class SigningKeyOptions
{
    public const string Section = "Portal:Identity:SigningKeys";

    /// <summary>How long a retired key stays published: longer than any token signed with it lives.</summary>
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How often each replica reloads the ring, so a rotation done elsewhere reaches it.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);
}
