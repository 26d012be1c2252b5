namespace Portal.ServiceDefaults.Documents.Pdf;

/// <summary>
/// Writes a PDF 1.7 document page by page, straight to a stream that need not seek: each finished page is written out
/// (and may be flushed) before the next is drawn; the fonts, page tree, information and cross-reference table follow the
/// last page. Each face is embedded once, and only if some page uses it.
/// </summary>
public sealed class PdfDocumentWriter
{
    public const double A4Width = 595.28;
    public const double A4Height = 841.89;

    readonly PdfObjectWriter _pdf;
    readonly int _catalog, _pages, _info;
    readonly List<int> _pageObjects = [];
    readonly Dictionary<TrueTypeFace, PdfEmbeddedFont> _fonts = [];
    readonly string _title, _creator;
    PdfCanvas? _open;

    public PdfDocumentWriter(Stream output, string title, string creator)
    {
        (_pdf, _title, _creator) = (new PdfObjectWriter(output), title, creator);
        _pdf.Header();
        (_catalog, _pages, _info) = (_pdf.Reserve(), _pdf.Reserve(), _pdf.Reserve());
    }

    public int PageCount => _pageObjects.Count;

    public PdfCanvas BeginPage(double width = A4Width, double height = A4Height)
    {
        if (_open is not null) throw new InvalidOperationException("End the current page before beginning another.");
        return _open = new PdfCanvas(width, height, Embed);
    }

    public void EndPage(PdfCanvas page)
    {
        if (!ReferenceEquals(page, _open)) throw new InvalidOperationException("That page is not the one being drawn.");
        _open = null;
        var (content, number) = (_pdf.Reserve(), _pdf.Reserve());
        _pdf.CompressedStream(content, System.Text.Encoding.ASCII.GetBytes(page.Content));
        var fonts = string.Join(' ', page.FontsUsed.Select(f => $"/{f.ResourceName} {f.ObjectNumber} 0 R"));
        _pdf.Object(number,
            $"<< /Type /Page /Parent {_pages} 0 R /MediaBox [0 0 {PdfCanvas.N(page.Width)} {PdfCanvas.N(page.Height)}] " +
            $"/Resources << /Font << {fonts} >> >> /Contents {content} 0 R >>");
        _pageObjects.Add(number);
    }

    public void Flush() => _pdf.Flush();

    public Task FlushAsync(CancellationToken cancellation) => _pdf.FlushAsync(cancellation);

    /// <summary>Writes what follows the pages; the caller then flushes.</summary>
    public void Finish()
    {
        if (_open is not null) throw new InvalidOperationException("End the current page before finishing the document.");
        if (_pageObjects.Count == 0) throw new InvalidOperationException("A PDF needs at least one page.");
        foreach (var font in _fonts.Values) font.Write(_pdf);
        _pdf.Object(_pages, $"<< /Type /Pages /Kids [{string.Join(' ', _pageObjects.Select(p => $"{p} 0 R"))}] /Count {_pageObjects.Count} >>");
        _pdf.Object(_info, $"<< /Title {PdfString.Of(_title)} /Creator {PdfString.Of(_creator)} /Producer (Portal) >>");
        _pdf.Object(_catalog, $"<< /Type /Catalog /Pages {_pages} 0 R >>");
        _pdf.Finish(_catalog, _info);
    }

    PdfEmbeddedFont Embed(TrueTypeFace face)
    {
        if (!_fonts.TryGetValue(face, out var font))
            _fonts[face] = font = new PdfEmbeddedFont(face, $"F{_fonts.Count + 1}", _pdf.Reserve());
        return font;
    }
}
