using System.Buffers.Binary;
using System.Text;

namespace Portal.ServiceDefaults.Documents.Pdf;

/// <summary>
/// A copy of a TrueType font that keeps the outlines of the given glyphs only (with .notdef and the parts composite
/// glyphs are built from); every other glyph becomes empty. Glyph ids are unchanged, as CIDToGIDMap Identity needs, and
/// the tables a PDF reader has no use for (layout, kerning, names, glyph names) are left out or cut down. A letter's
/// three faces then weigh kilobytes instead of most of a megabyte.
/// </summary>
static class TrueTypeSubset
{
    static readonly string[] Kept = ["OS/2", "cmap", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "post", "prep"];

    public static byte[] Of(TrueTypeFace face, IEnumerable<ushort> glyphs)
    {
        var file = face.File;
        var head = face.Table("head");
        var shortOffsets = BinaryPrimitives.ReadInt16BigEndian(file.AsSpan(head + 50)) == 0;
        var (loca, glyf) = (face.Table("loca"), face.Table("glyf"));
        (int Start, int End) Outline(int glyph) => shortOffsets
            ? (2 * BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(loca + 2 * glyph)), 2 * BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(loca + 2 * glyph + 2)))
            : ((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(loca + 4 * glyph)), (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(loca + 4 * glyph + 4)));

        var keep = new HashSet<int>();
        var pending = new Stack<int>(glyphs.Select(g => (int)g).Append(0));
        while (pending.TryPop(out var glyph))
        {
            if (glyph >= face.GlyphCount || !keep.Add(glyph)) continue;
            var (start, end) = Outline(glyph);
            if (end > start) foreach (var part in ComponentsOf(file.AsSpan(glyf + start, end - start))) if (!keep.Contains(part)) pending.Push(part);
        }

        var outlines = new MemoryStream();
        var offsets = new uint[face.GlyphCount + 1];
        for (var glyph = 0; glyph < face.GlyphCount; glyph++)
        {
            offsets[glyph] = (uint)outlines.Length;
            if (!keep.Contains(glyph)) continue;
            var (start, end) = Outline(glyph);
            outlines.Write(file, glyf + start, end - start);
            while (outlines.Length % 4 != 0) outlines.WriteByte(0);
        }
        offsets[face.GlyphCount] = (uint)outlines.Length;
        // Short offsets (halved) when the outlines allow it, as they do for the few glyphs of a letter.
        var shortLoca = outlines.Length < 0x20000;
        var newLoca = new byte[(shortLoca ? 2 : 4) * offsets.Length];
        for (var glyph = 0; glyph < offsets.Length; glyph++)
            if (shortLoca) BinaryPrimitives.WriteUInt16BigEndian(newLoca.AsSpan(2 * glyph), (ushort)(offsets[glyph] / 2));
            else BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * glyph), offsets[glyph]);

        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var tag in Kept.Where(face.Tables.ContainsKey))
            tables[tag] = tag switch
            {
                "glyf" => outlines.ToArray(),
                "loca" => newLoca,
                "hmtx" => MetricsOf(file.AsSpan(face.Tables[tag].Offset, face.Tables[tag].Length), face.HorizontalMetrics, keep),
                "post" => GlyphNamesDropped(file.AsSpan(face.Tables[tag].Offset, 32)),
                _ => file.AsSpan(face.Tables[tag].Offset, face.Tables[tag].Length).ToArray(),
            };
        var newHead = tables["head"];
        BinaryPrimitives.WriteUInt32BigEndian(newHead.AsSpan(8), 0); // checkSumAdjustment, set below
        BinaryPrimitives.WriteInt16BigEndian(newHead.AsSpan(50), (short)(shortLoca ? 0 : 1));
        return Assemble(tables);
    }

    // Unused glyphs' metrics are zeroed (the PDF's W array carries the widths) so that the table compresses to little.
    // Glyphs past numberOfHMetrics have only a left side bearing (2 bytes) and share the last advance, which is kept.
    static byte[] MetricsOf(ReadOnlySpan<byte> hmtx, int longMetrics, HashSet<int> keep)
    {
        var metrics = new byte[hmtx.Length];
        foreach (var glyph in keep.Append(longMetrics - 1))
        {
            var (at, length) = glyph < longMetrics ? (4 * glyph, 4) : (4 * longMetrics + 2 * (glyph - longMetrics), 2);
            if (at + length <= hmtx.Length) hmtx.Slice(at, length).CopyTo(metrics.AsSpan(at));
        }
        return metrics;
    }

    // Version 3 of the post table keeps its header (italic angle, fixed pitch) without the glyph names.
    static byte[] GlyphNamesDropped(ReadOnlySpan<byte> header)
    {
        var post = header.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(post, 0x00030000);
        return post;
    }

    static IEnumerable<int> ComponentsOf(ReadOnlySpan<byte> outline)
    {
        var parts = new List<int>();
        if (outline.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(outline) >= 0) return parts;
        const int wordArguments = 0x1, scale = 0x8, moreComponents = 0x20, xyScale = 0x40, twoByTwo = 0x80;
        var at = 10;
        int flags;
        do
        {
            flags = BinaryPrimitives.ReadUInt16BigEndian(outline[at..]);
            parts.Add(BinaryPrimitives.ReadUInt16BigEndian(outline[(at + 2)..]));
            at += 4 + ((flags & wordArguments) != 0 ? 4 : 2);
            at += (flags & scale) != 0 ? 2 : (flags & xyScale) != 0 ? 4 : (flags & twoByTwo) != 0 ? 8 : 0;
        } while ((flags & moreComponents) != 0 && at + 4 <= outline.Length);
        return parts;
    }

    static byte[] Assemble(SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var power = 1 << (int)Math.Log2(count);
        var font = new MemoryStream();
        var directory = new byte[12 + 16 * count];
        BinaryPrimitives.WriteUInt32BigEndian(directory, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(directory.AsSpan(4), (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(directory.AsSpan(6), (ushort)(16 * power));
        BinaryPrimitives.WriteUInt16BigEndian(directory.AsSpan(8), (ushort)Math.Log2(power));
        BinaryPrimitives.WriteUInt16BigEndian(directory.AsSpan(10), (ushort)(16 * (count - power)));
        font.Write(directory);
        var headAt = 0;
        var i = 0;
        foreach (var (tag, data) in tables)
        {
            var entry = directory.AsSpan(12 + 16 * i++);
            Encoding.ASCII.GetBytes(tag, entry);
            BinaryPrimitives.WriteUInt32BigEndian(entry[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(entry[8..], (uint)font.Length);
            BinaryPrimitives.WriteUInt32BigEndian(entry[12..], (uint)data.Length);
            if (tag == "head") headAt = (int)font.Length;
            font.Write(data);
            while (font.Length % 4 != 0) font.WriteByte(0);
        }
        var bytes = font.ToArray();
        directory.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(headAt + 8), 0xB1B0AFBA - Checksum(bytes));
        return bytes;
    }

    static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        Span<byte> word = stackalloc byte[4];
        for (var at = 0; at < data.Length; at += 4)
        {
            word.Clear();
            data.Slice(at, Math.Min(4, data.Length - at)).CopyTo(word);
            sum += BinaryPrimitives.ReadUInt32BigEndian(word);
        }
        return sum;
    }
}
