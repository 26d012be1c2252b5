using PdfSharp.Fonts;

namespace Portal.AccessCode.Letters;

/// <summary>
/// Serves the letters' three faces (DejaVu Sans, its bold, DejaVu Sans Mono) from the system's font folder: PDFsharp on
/// Linux has no platform fonts of its own. The files are read once and embedded (subset) in every PDF.
/// </summary>
public sealed class DejaVuFonts : IFontResolver
{
    public const string Sans = "DejaVu Sans";
    public const string Mono = "DejaVu Sans Mono";
    public const string Folder = "/usr/share/fonts/truetype/dejavu";
    public const string DebianPackage = "fonts-dejavu-core";

    const string SansFace = "DejaVuSans";
    const string SansBoldFace = "DejaVuSans-Bold";
    const string MonoFace = "DejaVuSansMono";

    static readonly Lock Installing = new();
    static DejaVuFonts? installed;

    readonly IReadOnlyDictionary<string, byte[]> _faces;

    DejaVuFonts(IReadOnlyDictionary<string, byte[]> faces) => _faces = faces;

    /// <summary>
    /// Makes these fonts PDFsharp's resolver, once per process: the setting is global, and several hosts (tests, the
    /// benchmark) may ask for it. Throws with the package to install when the font files are missing.
    /// </summary>
    public static void Install()
    {
        lock (Installing)
        {
            if (installed is not null && ReferenceEquals(GlobalFontSettings.FontResolver, installed)) return;
            installed ??= Load();
            GlobalFontSettings.FontResolver = installed;
        }
    }

    static DejaVuFonts Load()
    {
        var faces = new Dictionary<string, byte[]>();
        foreach (var face in new[] { SansFace, SansBoldFace, MonoFace })
        {
            var path = Path.Combine(Folder, face + ".ttf");
            if (!File.Exists(path))
                throw new InvalidOperationException(
                    $"The font file {path} is missing: letters need the DejaVu fonts. Install the Debian package {DebianPackage} " +
                    $"(apt-get install {DebianPackage}; ./portal does so).");
            faces[face] = File.ReadAllBytes(path);
        }
        return new DejaVuFonts(faces);
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => familyName switch
    {
        // No italic faces are used; bold monospace is simulated should anyone ask for it.
        Mono => new FontResolverInfo(MonoFace, bold, false),
        Sans when bold => new FontResolverInfo(SansBoldFace),
        Sans => new FontResolverInfo(SansFace),
        _ => null,
    };

    public byte[]? GetFont(string faceName) => _faces.GetValueOrDefault(faceName);
}
