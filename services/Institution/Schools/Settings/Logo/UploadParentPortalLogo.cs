using System.Globalization;
using System.Text.RegularExpressions;
using Portal.ServiceDefaults.Problems;

namespace Portal.Institution.Schools;

/// <summary>
/// Records a new parent portal logo. The endpoint stores the bytes (keyed by SHA-256) and refuses a file whose bytes
/// are not the declared type (<see cref="ImageSignature"/>); the decider checks what it is told.
/// </summary>
public sealed record UploadParentPortalLogo(
    Guid SchoolId, string ContentType, long SizeBytes, string Sha256, Guid ActorId, DateTimeOffset At);

/// <summary>ContentType is lowercase, Sha256 lowercase hex.</summary>
public sealed record ParentPortalLogoUploaded(
    Guid SchoolId, string ContentType, long SizeBytes, string Sha256, Guid ActorId, DateTimeOffset At);

public static partial class ParentPortalLogoRules
{
    /// <summary>1 MiB: plenty for a logo shown at header size, small enough to serve from the database.</summary>
    public const long MaxSizeBytes = 1024 * 1024;

    public static IReadOnlyList<string> ContentTypes { get; } =
        [ImageSignature.Png, ImageSignature.Jpeg, ImageSignature.Gif, ImageSignature.WebP];

    [GeneratedRegex("^[0-9a-f]{64}$")]
    internal static partial Regex Sha256Hex();
}

public static partial class School
{
    public static object[] Decide(UploadParentPortalLogo command, SchoolState state)
    {
        var contentType = command.ContentType?.Trim().ToLowerInvariant() ?? "";
        if (!ParentPortalLogoRules.ContentTypes.Contains(contentType))
            throw new ValidationFailed("contentType",
                $"The logo must be a PNG, JPEG, GIF or WebP image ({string.Join(", ", ParentPortalLogoRules.ContentTypes)}), not '{command.ContentType}'.");
        if (command.SizeBytes <= 0)
            throw new ValidationFailed("sizeBytes", "The logo file is empty.");
        if (command.SizeBytes > ParentPortalLogoRules.MaxSizeBytes)
            throw new ValidationFailed("sizeBytes",
                $"The logo is {Bytes(command.SizeBytes)} bytes; the largest allowed is {Bytes(ParentPortalLogoRules.MaxSizeBytes)} bytes (1 MiB).");
        var sha256 = command.Sha256?.Trim().ToLowerInvariant() ?? "";
        if (!ParentPortalLogoRules.Sha256Hex().IsMatch(sha256))
            throw new ValidationFailed("sha256", "The logo's SHA-256 must be 64 hexadecimal characters.");

        if (state.ParentPortalLogo is { } current && current.Sha256 == sha256 && current.ContentType == contentType)
            return [];
        return
        [
            new ParentPortalLogoUploaded(state.Id, contentType, command.SizeBytes, sha256, command.ActorId,
                command.At.ToUniversalTime()),
        ];
    }

    static string Bytes(long count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
