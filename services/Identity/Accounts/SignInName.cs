using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Accounts;

/// <summary>
/// The email a person signs in with, unique across the platform: the login page has one field for it and no way to
/// ask which organisation is meant. Single-tenanted; the id is the normalised email, so a second account taking it
/// fails the insert (and with it the whole save).
/// </summary>
public sealed record SignInName(string Id, Guid AccountId, AccountKind Kind, Guid? OrganisationId)
{
    public static string Normalise(string? email) => (email ?? "").Trim().ToLowerInvariant();
}
