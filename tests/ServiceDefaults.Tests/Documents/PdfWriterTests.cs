using Portal.Testing;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Portal.ServiceDefaults.Documents.Pdf;
using Portal.ServiceDefaults.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Portal.ServiceDefaults.Tests.Documents;

/// <summary>The service's own PDF writer, below the letters: file structure, fonts and text as a reader sees them.</summary>
public sealed partial class PdfWriterTests
{
    static byte[] TwoPages(Action<PdfCanvas>? more = null)
    {
        var output = new ForwardOnlyStream();
        var document = new PdfDocumentWriter(output, "Zeugnis für Łucja", "Portal tests");
        var page = document.BeginPage();
        page.Text("First page", new PdfFont(DejaVuFonts.Sans, 12), PdfColour.Black, 56.7, 56.7);
        page.FillRectangle(new PdfColour(238, 241, 245), 56.7, 100, 200, 50, cornerRadius: 4);
        more?.Invoke(page);
        document.EndPage(page);
        document.Flush();
        page = document.BeginPage();
        page.Text("K7QM-2XPD", new PdfFont(DejaVuFonts.Mono, 30), PdfColour.Black, 56.7, 56.7);
        page.StrokeRectangle(new PdfColour(150, 150, 150), 0.75, 56.7, 200, 300, 80);
        document.EndPage(page);
        document.Finish();
        document.Flush();
        return output.ToArray();
    }

    [Fact]
    public void Every_cross_reference_entry_points_at_its_object_and_a_strict_reader_opens_the_file()
    {
        var pdf = TwoPages();
        var text = Encoding.Latin1.GetString(pdf);

        var startXref = int.Parse(StartXref().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.StartsWith("xref\n", text[startXref..]);
        var header = XrefHeader().Match(text, startXref);
        Assert.True(header.Success, "The cross-reference table has no subsection header.");
        var count = int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture);
        var entries = header.Index + header.Length;
        Assert.Equal("0000000000 65535 f \n", text.Substring(entries, 20));
        for (var number = 1; number < count; number++)
        {
            var entry = text.Substring(entries + 20 * number, 20);
            Assert.Matches(@"^\d{10} 00000 n \n$", entry);
            var offset = int.Parse(entry[..10], CultureInfo.InvariantCulture);
            Assert.StartsWith($"{number} 0 obj\n", text[offset..]);
        }
        Assert.Contains($"/Size {count} ", text);

        using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = false });
        Assert.Equal(2, document.NumberOfPages);
        Assert.Equal("Zeugnis für Łucja", document.Information.Title);
        Assert.Equal("Portal", document.Information.Producer);
        Assert.Equal("Firstpage", PdfPages.Compact(document.GetPage(1).Text));
        Assert.Equal("K7QM-2XPD", document.GetPage(2).Text);
    }

    [Fact]
    public void Text_lands_where_the_top_down_layout_put_it_and_fonts_are_embedded_once()
    {
        var pdf = TwoPages(page => page.Text("Again", new PdfFont(DejaVuFonts.Sans, 12), PdfColour.Black, 300, 400));

        using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = false });
        var first = document.GetPage(1);
        var letter = first.Letters[0];
        // 12 pt DejaVu Sans: the baseline lies 11.14 pt below the line's top.
        Assert.Equal(56.7, letter.StartBaseLine.X, 0.01);
        Assert.Equal(PdfDocumentWriter.A4Height - 56.7 - 12 * 1901 / 2048.0, letter.StartBaseLine.Y, 0.01);
        Assert.Equal(595.28, first.Width, 0.01);
        Assert.Equal(841.89, first.Height, 0.01);
        var again = first.GetWords().Single(w => w.Text == "Again");
        Assert.Equal(300, again.Letters[0].StartBaseLine.X, 0.01);
        Assert.Equal(PdfDocumentWriter.A4Height - 400 - 12 * 1901 / 2048.0, again.Letters[0].StartBaseLine.Y, 0.01);
        var lastWordOfLine = first.GetWords().Single(w => w.Text == "page");
        Assert.Equal(new PdfFont(DejaVuFonts.Sans, 12).WidthOf("First page"),
            lastWordOfLine.Letters[^1].EndBaseLine.X - letter.StartBaseLine.X, 0.01);

        var text = Encoding.Latin1.GetString(pdf);
        Assert.Equal(2, FontFiles().Matches(text).Count);
        Assert.Single(Regex.Matches(text, @"/BaseFont /[A-Z]{6}\+DejaVuSans /Encoding"));
    }

    [Fact]
    public void Nothing_reaches_the_stream_before_the_first_page_is_flushed()
    {
        var output = new ForwardOnlyStream();
        var document = new PdfDocumentWriter(output, "Empty", "Portal tests");

        Assert.Throws<InvalidOperationException>(document.Finish);
        Assert.Empty(output.ToArray());
    }

    [GeneratedRegex(@"startxref\n(\d+)\n%%EOF\n$")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"\Gxref\n0 (\d+)\n")]
    private static partial Regex XrefHeader();

    [GeneratedRegex("/FontFile2 ")]
    private static partial Regex FontFiles();

    /// <summary>An output that cannot seek or report its position, like an HTTP response body.</summary>
    sealed class ForwardOnlyStream : Stream
    {
        readonly MemoryStream _written = new();
        public byte[] ToArray() => _written.ToArray();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _written.Write(buffer, offset, count);
    }
}
