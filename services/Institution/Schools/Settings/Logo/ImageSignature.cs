namespace Portal.Institution.Schools;

/// <summary>
/// Recognises an image by its first bytes, so an upload is judged by what it is rather than what it claims to be
/// (a renamed HTML or SVG file served back as a logo would be a cross-site scripting hole).
/// </summary>
public static class ImageSignature
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Gif = "image/gif";
    public const string WebP = "image/webp";

    /// <summary>How many leading bytes <see cref="Detect"/> needs at most.</summary>
    public const int BytesNeeded = 12;

    static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];
    static ReadOnlySpan<byte> Gif87a => "GIF87a"u8;
    static ReadOnlySpan<byte> Gif89a => "GIF89a"u8;
    static ReadOnlySpan<byte> Riff => "RIFF"u8;
    static ReadOnlySpan<byte> WebPMarker => "WEBP"u8;

    /// <summary>The content type the bytes are, or null when they are none of PNG, JPEG, GIF and WebP.</summary>
    public static string? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(PngMagic))
            return Png;
        if (bytes.StartsWith(JpegMagic))
            return Jpeg;
        if (bytes.StartsWith(Gif87a) || bytes.StartsWith(Gif89a))
            return Gif;
        // RIFF container: "RIFF", 4 bytes of length, then the form type.
        if (bytes.Length >= 12 && bytes.StartsWith(Riff) && bytes[8..12].SequenceEqual(WebPMarker))
            return WebP;
        return null;
    }

    /// <summary>Whether the bytes are an image of the declared content type (compared case-insensitively).</summary>
    public static bool Matches(string declaredContentType, ReadOnlySpan<byte> bytes) =>
        Detect(bytes) is { } detected && string.Equals(detected, declaredContentType?.Trim(), StringComparison.OrdinalIgnoreCase);
}
