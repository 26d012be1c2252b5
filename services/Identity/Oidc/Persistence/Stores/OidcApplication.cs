namespace Portal.Identity.Oidc.Persistence.Stores;

/// <summary>An OAuth client (web, mobile or machine); global, not owned by an organisation.</summary>
public sealed class OidcApplication : OidcDocument
{
    public string? ApplicationType { get; set; }
    public string? ClientId { get; set; }

    /// <summary>Always the hash OpenIddict's manager computed, never the secret itself.</summary>
    public string? ClientSecret { get; set; }

    public string? ClientType { get; set; }
    public string? ConsentType { get; set; }
    public string? DisplayName { get; set; }
    public Dictionary<string, string> DisplayNames { get; set; } = [];

    /// <summary>The client's keys (private_key_jwt), as JWKS JSON.</summary>
    public string? JsonWebKeySet { get; set; }

    public List<string> Permissions { get; set; } = [];
    public List<string> PostLogoutRedirectUris { get; set; } = [];
    public Dictionary<string, System.Text.Json.JsonElement> Properties { get; set; } = [];
    public List<string> RedirectUris { get; set; } = [];
    public List<string> Requirements { get; set; } = [];
    public Dictionary<string, string> Settings { get; set; } = [];
}
