using OtpNet;

namespace Portal.Identity.Credentials;

/// <summary>RFC 6238 codes as authenticator apps make them: SHA-1, 6 digits, 30-second steps.</summary>
public static class TotpCodes
{
    public const int SecretBytes = 20; // 160 bits, the key length RFC 4226 recommends
    public const string Issuer = "Portal";
    // One step either side absorbs phone clocks that drift and the time a person takes to type.
    static readonly VerificationWindow ClockSkew = new(previous: 1, future: 1);

    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(SecretBytes));

    public static string EnrolmentUri(string secret, string email) =>
        $"otpauth://totp/{Issuer}:{Uri.EscapeDataString(email)}?secret={secret}&issuer={Issuer}";

    /// <summary>The time step the code belongs to within the allowed skew around <paramref name="now"/>, or null.</summary>
    public static long? MatchingStep(string secret, string? code, DateTimeOffset now)
    {
        var digits = string.Concat((code ?? "").Where(c => !char.IsWhiteSpace(c)));
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit))
            return null;
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        return totp.VerifyTotp(now.UtcDateTime, digits, out var step, ClockSkew) ? step : null;
    }
}
