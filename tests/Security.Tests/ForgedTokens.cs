using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Security.Tests;

/// <summary>The ways a bearer token can be wrong, each differing from a real one in that one respect only.</summary>
public enum TokenDefect { None, Missing, Expired, AlgorithmNone, ForeignKey, WrongAudience }

/// <summary>
/// Tokens built from a real access token Identity issued: same header (kid, typ), same claims (issuer, audiences,
/// subject, organisation …), changed only where the defect says. <see cref="TokenDefect.None"/> signs the unchanged
/// claims with the system's own key: the control that proves a forged token is refused for its defect alone.
/// </summary>
public sealed class ForgedTokens(string realAccessToken, SystemSigningKey systemKey)
{
    private readonly RSA foreignKey = RSA.Create(2048);

    public JsonObject Header { get; } = Decode(realAccessToken.Split('.')[0]);
    public JsonObject Claims { get; } = Decode(realAccessToken.Split('.')[1]);

    public string? For(TokenDefect defect)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = (JsonObject)Claims.DeepClone();
        claims["jti"] = Guid.NewGuid().ToString("N");
        claims["iat"] = now;
        claims["nbf"] = now;
        claims["exp"] = now + 600;
        var header = (JsonObject)Header.DeepClone();
        switch (defect)
        {
            case TokenDefect.Missing:
                return null;
            case TokenDefect.Expired:
                // Well past the validators' 30 s clock skew.
                claims["iat"] = now - 3600;
                claims["nbf"] = now - 3600;
                claims["exp"] = now - 1800;
                return Sign(header, claims, systemKey.Key);
            case TokenDefect.AlgorithmNone:
                header["alg"] = "none";
                return $"{Encode(header)}.{Encode(claims)}.";
            case TokenDefect.ForeignKey:
                // Same kid as the system's key: the validator must check the signature, not just find a key.
                return Sign(header, claims, foreignKey);
            case TokenDefect.WrongAudience:
                claims["aud"] = new JsonArray("portal-elsewhere");
                return Sign(header, claims, systemKey.Key);
            default:
                return Sign(header, claims, systemKey.Key);
        }
    }

    private static string Sign(JsonObject header, JsonObject claims, RSA key)
    {
        header["alg"] = "RS256";
        var signed = $"{Encode(header)}.{Encode(claims)}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signed}.{Base64Url(signature)}";
    }

    private static JsonObject Decode(string part)
    {
        var padded = part.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        return JsonNode.Parse(Convert.FromBase64String(padded))!.AsObject();
    }

    private static string Encode(JsonObject part) => Base64Url(Encoding.UTF8.GetBytes(part.ToJsonString(JsonSerializerOptions.Default)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
