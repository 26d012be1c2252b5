using Portal.Identity.Access;
using Portal.Identity.Oidc.Persistence.SigningKeys;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Oidc;

public sealed record SigningKeyView(string KeyId, bool Current);

/// <summary>
/// Signing key rotation for platform operators: a new key signs from now on; the previous ones stay published in
/// the JWKS until their retention ends, so tokens already issued keep validating.
/// </summary>
public static class SigningKeyEndpoints
{
    public static void MapSigningKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/signing-keys").WithTags("Signing keys").RequireOperator("Only platform operators manage signing keys.");

        group.MapGet("/", (SigningKeyRing ring) => Results.Ok(Describe(ring)))
            .WithSummary("The published signing keys, the current one first.");

        group.MapPost("/rotate", async (SigningKeyRing ring, HttpContext http) =>
        {
            await ring.RotateAsync(http.RequestAborted);
            return Results.Ok(Describe(ring));
        }).WithSummary("Start signing with a new key; older keys stay published until their retention period ends.");
    }

    static IReadOnlyList<SigningKeyView> Describe(SigningKeyRing ring) =>
        ring.SigningCredentials.Select((c, i) => new SigningKeyView(c.Kid ?? c.Key.KeyId, i == 0)).ToList();
}
