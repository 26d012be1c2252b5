using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Portal.Identity.Tests.SignIn;

/// <summary>Reads a token's claims (tests look, the services validate).</summary>
public static class Tokens
{
    public static JsonWebToken Read(string token) => new(token);

    public static string Claim(string token, string type) => Read(token).GetClaim(type).Value;

    public static IReadOnlyList<string> Claims(string token, string type) =>
        Read(token).Claims.Where(c => c.Type == type).Select(c => c.Value).ToList();

    public static JsonElement Payload(string token) =>
        JsonDocument.Parse(Base64UrlDecode(token.Split('.')[1])).RootElement;

    static byte[] Base64UrlDecode(string s) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(s);
}
