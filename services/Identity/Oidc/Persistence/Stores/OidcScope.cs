using System.Text.Json;

namespace Portal.Identity.Oidc.Persistence.Stores;

public sealed class OidcScope : OidcDocument
{
    public string? Description { get; set; }
    public Dictionary<string, string> Descriptions { get; set; } = [];
    public string? DisplayName { get; set; }
    public Dictionary<string, string> DisplayNames { get; set; } = [];
    public string? Name { get; set; }
    public Dictionary<string, JsonElement> Properties { get; set; } = [];
    public List<string> Resources { get; set; } = [];
}
