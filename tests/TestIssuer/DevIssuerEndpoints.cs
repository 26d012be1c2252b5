using Microsoft.IdentityModel.Tokens;

namespace Portal.TestIssuer;

public static class DevIssuerEndpoints
{
    public static void MapDevIssuerEndpoints(this WebApplication app)
    {
        app.MapGet("/.well-known/openid-configuration", (HttpRequest request) =>
        {
            var issuer = IssuerOf(request);
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = issuer,
                ["jwks_uri"] = issuer + "/.well-known/jwks",
                ["token_endpoint"] = issuer + "/dev/tokens",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            });
        });
        app.MapGet("/.well-known/jwks", (SigningKey key) =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key.Key);
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
        });
        app.MapPost("/dev/tokens", (TokenRequest body, TokenMinter minter, HttpRequest request) =>
        {
            if (body.Audiences is not { Length: > 0 })
                return Results.Problem(statusCode: 400, title: "The request is invalid.", detail: "Name at least one audience.");
            var token = minter.Mint(body, IssuerOf(request));
            return Results.Json(new { access_token = token, token_type = "Bearer", expires_in = body.LifetimeSeconds });
        });
        app.MapGet("/health", () => Results.Ok(new { status = "Healthy" }));
    }

    private static string IssuerOf(HttpRequest request) => $"{request.Scheme}://{request.Host}";
}
