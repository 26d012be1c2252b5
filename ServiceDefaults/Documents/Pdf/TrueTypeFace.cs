using System.Buffers.Binary;
using System.Text;

namespace Portal.ServiceDefaults.Documents.Pdf;

/// <summary>
/// A TrueType font file read once: what a PDF needs to measure text, map Unicode to glyph ids, describe the font and
/// embed it. Characters the font lacks map to glyph 0 (.notdef).
/// </summary>
public sealed class TrueTypeFace
{
    public string PostScriptName { get; }
    public byte[] File { get; }
    public int UnitsPerEm { get; }
    public int Ascent { get; }
    public int Descent { get; }
    public int LineGap { get; }
    public int CapHeight { get; }
    public (int XMin, int YMin, int XMax, int YMax) BoundingBox { get; }
    public bool FixedPitch { get; }
    public int GlyphCount { get; }
    internal int HorizontalMetrics { get; }
    internal IReadOnlyDictionary<string, (int Offset, int Length)> Tables { get; }

    readonly ushort[] _advances;
    readonly ushort[] _basicGlyphs = new ushort[0x10000];
    readonly Dictionary<int, ushort> _supplementaryGlyphs = [];

    TrueTypeFace(string postScriptName, byte[] file)
    {
        PostScriptName = postScriptName;
        File = file;
        Tables = ReadTableDirectory(file);
        var head = Table("head");
        UnitsPerEm = U16(head + 18);
        BoundingBox = (I16(head + 36), I16(head + 38), I16(head + 40), I16(head + 42));
        var hhea = Table("hhea");
        (Ascent, Descent, LineGap) = (I16(hhea + 4), I16(hhea + 6), I16(hhea + 8));
        GlyphCount = U16(Table("maxp") + 4);
        HorizontalMetrics = U16(hhea + 34);
        _advances = ReadAdvances(HorizontalMetrics);
        CapHeight = Tables.TryGetValue("OS/2", out var os2) && U16(os2.Offset) >= 2 ? I16(os2.Offset + 88) : Ascent;
        FixedPitch = Tables.TryGetValue("post", out var post) && BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(post.Offset + 12)) != 0;
        ReadCharacterMap();
    }

    public static TrueTypeFace Load(string path) =>
        new(Path.GetFileNameWithoutExtension(path), System.IO.File.ReadAllBytes(path));

    public ushort GlyphOf(int codePoint) => codePoint switch
    {
        < 0 => 0,
        < 0x10000 => _basicGlyphs[codePoint],
        _ => _supplementaryGlyphs.GetValueOrDefault(codePoint),
    };

    public int AdvanceOf(ushort glyph) => _advances[Math.Min(glyph, _advances.Length - 1)];

    /// <summary>The advance of the text, in font units (divide by <see cref="UnitsPerEm"/> and multiply by the size).</summary>
    public long AdvanceOf(string text)
    {
        long total = 0;
        foreach (var rune in text.EnumerateRunes()) total += AdvanceOf(GlyphOf(rune.Value));
        return total;
    }

    internal int Table(string tag) =>
        Tables.TryGetValue(tag, out var table) ? table.Offset : throw new InvalidDataException($"{PostScriptName} has no {tag} table.");

    int U16(int at) => BinaryPrimitives.ReadUInt16BigEndian(File.AsSpan(at));
    int I16(int at) => BinaryPrimitives.ReadInt16BigEndian(File.AsSpan(at));
    uint U32(int at) => BinaryPrimitives.ReadUInt32BigEndian(File.AsSpan(at));

    static Dictionary<string, (int, int)> ReadTableDirectory(byte[] file)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(4));
        var tables = new Dictionary<string, (int, int)>();
        for (var i = 0; i < count; i++)
        {
            var entry = file.AsSpan(12 + 16 * i);
            tables[Encoding.ASCII.GetString(entry[..4])] =
                ((int)BinaryPrimitives.ReadUInt32BigEndian(entry[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(entry[12..]));
        }
        return tables;
    }

    // hmtx holds one advance per glyph up to numberOfHMetrics; the glyphs after it share the last one.
    ushort[] ReadAdvances(int metrics)
    {
        var hmtx = Table("hmtx");
        var advances = new ushort[Math.Max(GlyphCount, 1)];
        for (var glyph = 0; glyph < advances.Length; glyph++)
            advances[glyph] = (ushort)U16(hmtx + 4 * Math.Min(glyph, metrics - 1));
        return advances;
    }

    // Prefers the full-Unicode subtable (format 12) and falls back to the BMP one (format 4).
    void ReadCharacterMap()
    {
        var cmap = Table("cmap");
        int? format4 = null, format12 = null;
        for (var i = 0; i < U16(cmap + 2); i++)
        {
            var record = cmap + 4 + 8 * i;
            var (platform, encoding) = (U16(record), U16(record + 2));
            var subtable = cmap + (int)U32(record + 4);
            var unicode = platform == 0 || (platform == 3 && encoding is 1 or 10);
            if (!unicode) continue;
            if (U16(subtable) == 12) format12 ??= subtable;
            else if (U16(subtable) == 4) format4 ??= subtable;
        }
        if (format12 is { } full) ReadFormat12(full);
        else if (format4 is { } basic) ReadFormat4(basic);
        else throw new InvalidDataException($"{PostScriptName} has no Unicode character map.");
    }

    void ReadFormat4(int table)
    {
        var segments = U16(table + 6) / 2;
        var ends = table + 14;
        var starts = ends + 2 * segments + 2;
        var deltas = starts + 2 * segments;
        var rangeOffsets = deltas + 2 * segments;
        for (var s = 0; s < segments; s++)
        {
            var (start, end, delta, rangeOffset) = (U16(starts + 2 * s), U16(ends + 2 * s), U16(deltas + 2 * s), U16(rangeOffsets + 2 * s));
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0) glyph = (c + delta) & 0xFFFF;
                else
                {
                    // idRangeOffset counts from its own position in the array to the glyph id array entry.
                    var at = rangeOffsets + 2 * s + rangeOffset + 2 * (c - start);
                    glyph = U16(at);
                    if (glyph != 0) glyph = (glyph + delta) & 0xFFFF;
                }
                if (glyph < GlyphCount) _basicGlyphs[c] = (ushort)glyph;
            }
        }
    }

    void ReadFormat12(int table)
    {
        var groups = (int)U32(table + 12);
        for (var g = 0; g < groups; g++)
        {
            var group = table + 16 + 12 * g;
            var (start, end, glyph) = ((int)U32(group), (int)U32(group + 4), (int)U32(group + 8));
            for (var c = start; c <= end && c <= 0x10FFFF; c++, glyph++)
            {
                if (glyph >= GlyphCount) continue;
                if (c < 0x10000) _basicGlyphs[c] = (ushort)glyph;
                else _supplementaryGlyphs[c] = (ushort)glyph;
            }
        }
    }
}
