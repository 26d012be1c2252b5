using System.Text.Json;

namespace Portal.Identity.Oidc.Persistence.Stores;

/// <summary>A subject's consent (permanent or ad hoc) for a client and a set of scopes.</summary>
public sealed class OidcAuthorization : OidcDocument
{
    public string? ApplicationId { get; set; }
    public DateTimeOffset? CreationDate { get; set; }
    public Dictionary<string, JsonElement> Properties { get; set; } = [];
    public List<string> Scopes { get; set; } = [];
    public string? Status { get; set; }
    public string? Subject { get; set; }
    public string? Type { get; set; }
}
