namespace Portal.Identity.Oidc.Persistence.DataProtection;

/// <summary>One ASP.NET Core Data Protection key ring element, as the XML the key manager wrote.</summary>
public sealed class DataProtectionKey
{
    public Guid Id { get; init; }
    public string? FriendlyName { get; init; }
    public required string Xml { get; init; }
    public DateTimeOffset StoredAt { get; init; }
}
