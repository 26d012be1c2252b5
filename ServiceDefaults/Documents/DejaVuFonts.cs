using Portal.ServiceDefaults.Documents.Pdf;

namespace Portal.ServiceDefaults.Documents;

/// <summary>
/// The letters' three faces (DejaVu Sans, its bold, DejaVu Sans Mono) from the system's font folder, read and parsed once
/// per process; each PDF embeds the ones it uses.
/// </summary>
public static class DejaVuFonts
{
    public const string Folder = "/usr/share/fonts/truetype/dejavu";
    public const string DebianPackage = "fonts-dejavu-core";

    static readonly Lazy<TrueTypeFace> SansFace = new(() => Load("DejaVuSans"));
    static readonly Lazy<TrueTypeFace> SansBoldFace = new(() => Load("DejaVuSans-Bold"));
    static readonly Lazy<TrueTypeFace> MonoFace = new(() => Load("DejaVuSansMono"));

    public static TrueTypeFace Sans => SansFace.Value;
    public static TrueTypeFace SansBold => SansBoldFace.Value;
    public static TrueTypeFace Mono => MonoFace.Value;

    /// <summary>Loads all three now, so missing font files stop the service at start with the package to install.</summary>
    public static void EnsureInstalled() => _ = (Sans, SansBold, Mono);

    static TrueTypeFace Load(string face)
    {
        var path = Path.Combine(Folder, face + ".ttf");
        if (!File.Exists(path))
            throw new InvalidOperationException(
                $"The font file {path} is missing: letters need the DejaVu fonts. Install the Debian package {DebianPackage} " +
                $"(apt-get install {DebianPackage}; ./portal does so).");
        return TrueTypeFace.Load(path);
    }
}
