using System.Globalization;
using System.Text;

namespace Portal.ServiceDefaults.Documents.Pdf;

/// <summary>
/// One face as one document uses it: a Type0 font with Identity-H encoding over a CIDFontType2 whose CIDs are the
/// TrueType glyph ids (CIDToGIDMap Identity), so any character the face has can be shown. It remembers the glyphs drawn,
/// and when the document ends writes their widths, a ToUnicode map (so text can be extracted and searched) and the font.
/// </summary>
sealed class PdfEmbeddedFont(TrueTypeFace face, string resourceName, int objectNumber)
{
    readonly SortedDictionary<ushort, int> _characterOf = [];

    public string ResourceName => resourceName;
    public int ObjectNumber => objectNumber;

    /// <summary>Appends the text's glyph ids as hexadecimal, four digits each, for a <c>&lt;…&gt; Tj</c>.</summary>
    public void Encode(string text, StringBuilder hex)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            var glyph = face.GlyphOf(rune.Value);
            if (glyph != 0) _characterOf.TryAdd(glyph, rune.Value);
            hex.Append(CultureInfo.InvariantCulture, $"{glyph:X4}");
        }
    }

    public void Write(PdfObjectWriter pdf)
    {
        var (descendant, descriptor, file, toUnicode) = (pdf.Reserve(), pdf.Reserve(), pdf.Reserve(), pdf.Reserve());
        var subset = TrueTypeSubset.Of(face, _characterOf.Keys);
        var name = $"/{SubsetTag()}+{face.PostScriptName}";
        pdf.Object(objectNumber,
            $"<< /Type /Font /Subtype /Type0 /BaseFont {name} /Encoding /Identity-H /DescendantFonts [{descendant} 0 R] /ToUnicode {toUnicode} 0 R >>");
        pdf.Object(descendant,
            $"<< /Type /Font /Subtype /CIDFontType2 /BaseFont {name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> " +
            $"/FontDescriptor {descriptor} 0 R /DW {Thousandths(face.AdvanceOf(0))} /W [{Widths()}] /CIDToGIDMap /Identity >>");
        var (xMin, yMin, xMax, yMax) = face.BoundingBox;
        // Flags: 32 non-symbolic (Latin text), plus 1 for a fixed-pitch face.
        pdf.Object(descriptor,
            $"<< /Type /FontDescriptor /FontName {name} /Flags {(face.FixedPitch ? 33 : 32)} " +
            $"/FontBBox [{Thousandths(xMin)} {Thousandths(yMin)} {Thousandths(xMax)} {Thousandths(yMax)}] /ItalicAngle 0 " +
            $"/Ascent {Thousandths(face.Ascent)} /Descent {Thousandths(face.Descent)} /CapHeight {Thousandths(face.CapHeight)} " +
            $"/StemV 80 /FontFile2 {file} 0 R >>");
        pdf.CompressedStream(file, subset, $"/Length1 {subset.Length}");
        pdf.CompressedStream(toUnicode, Encoding.ASCII.GetBytes(ToUnicodeMap()));
    }

    // A subset font's name starts with six capital letters that differ between subsets of the same face.
    string SubsetTag()
    {
        var hash = _characterOf.Keys.Aggregate(17u, (h, glyph) => unchecked(h * 31 + glyph));
        var tag = new char[6];
        for (var i = 0; i < tag.Length; i++, hash /= 26) tag[i] = (char)('A' + hash % 26);
        return new string(tag);
    }

    string Widths()
    {
        var widths = new StringBuilder();
        foreach (var glyph in _characterOf.Keys)
            widths.Append(CultureInfo.InvariantCulture, $"{glyph} [{Thousandths(face.AdvanceOf(glyph))}] ");
        return widths.ToString().TrimEnd();
    }

    string Thousandths(int fontUnits) => PdfCanvas.N(fontUnits * 1000.0 / face.UnitsPerEm);

    string ToUnicodeMap()
    {
        var map = new StringBuilder(
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        // A bfchar block holds at most 100 entries.
        foreach (var block in _characterOf.Chunk(100))
        {
            map.Append(CultureInfo.InvariantCulture, $"{block.Length} beginbfchar\n");
            foreach (var (glyph, character) in block)
            {
                map.Append(CultureInfo.InvariantCulture, $"<{glyph:X4}> <");
                foreach (var unit in char.ConvertFromUtf32(character)) map.Append(CultureInfo.InvariantCulture, $"{(int)unit:X4}");
                map.Append(">\n");
            }
            map.Append("endbfchar\n");
        }
        map.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return map.ToString();
    }
}
