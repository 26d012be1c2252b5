using System.Text.Json;

namespace Portal.Identity.Oidc.Persistence.Stores;

/// <summary>A token OpenIddict tracks: authorization codes, refresh tokens, reference tokens and so on.</summary>
public sealed class OidcToken : OidcDocument
{
    public string? ApplicationId { get; set; }
    public string? AuthorizationId { get; set; }
    public DateTimeOffset? CreationDate { get; set; }
    public DateTimeOffset? ExpirationDate { get; set; }

    /// <summary>The protected token itself, for reference tokens only.</summary>
    public string? Payload { get; set; }

    public Dictionary<string, JsonElement> Properties { get; set; } = [];
    public DateTimeOffset? RedemptionDate { get; set; }
    public string? ReferenceId { get; set; }
    public string? Status { get; set; }
    public string? Subject { get; set; }
    public string? Type { get; set; }
}
