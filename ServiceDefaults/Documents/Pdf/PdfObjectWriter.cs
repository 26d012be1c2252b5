using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Portal.ServiceDefaults.Documents.Pdf;

/// <summary>
/// Writes numbered PDF objects in any order, remembering each one's byte offset for the cross-reference table. Output
/// gathers in a buffer that the caller flushes to the destination stream when it likes (after each page), so the
/// destination never needs to seek and may be an HTTP response.
/// </summary>
sealed class PdfObjectWriter(Stream destination)
{
    readonly MemoryStream _pending = new();
    readonly List<long> _offsets = [0];
    long _flushed;

    long Position => _flushed + _pending.Length;

    /// <summary>A new object number; every reserved number must be written before <see cref="Finish"/>.</summary>
    public int Reserve()
    {
        _offsets.Add(-1);
        return _offsets.Count - 1;
    }

    public void Header()
    {
        Raw("%PDF-1.7\n%");
        // A comment of high bytes tells transfer tools the file is binary.
        _pending.Write([0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);
    }

    public void Object(int number, string body)
    {
        Begin(number);
        Raw(body);
        Raw("\nendobj\n");
    }

    /// <summary>A stream object whose data is Flate (zlib) compressed here; <paramref name="entries"/> go in its dictionary.</summary>
    public void CompressedStream(int number, ReadOnlySpan<byte> data, string entries = "")
    {
        var compressed = Compress(data);
        Begin(number);
        Raw($"<< /Length {compressed.Length} /Filter /FlateDecode{(entries.Length > 0 ? " " + entries : "")} >>\nstream\n");
        _pending.Write(compressed);
        Raw("\nendstream\nendobj\n");
    }

    static byte[] Compress(ReadOnlySpan<byte> data)
    {
        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(data);
        return compressed.ToArray();
    }

    /// <summary>The cross-reference table and trailer; then the document is complete.</summary>
    public void Finish(int root, int info)
    {
        var missing = _offsets.FindIndex(1, o => o < 0);
        if (missing > 0) throw new InvalidOperationException($"PDF object {missing} was reserved but never written.");
        var xref = Position;
        var table = new StringBuilder($"xref\n0 {_offsets.Count}\n0000000000 65535 f \n");
        foreach (var offset in _offsets.Skip(1)) table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        table.Append(CultureInfo.InvariantCulture,
            $"trailer\n<< /Size {_offsets.Count} /Root {root} 0 R /Info {info} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        Raw(table.ToString());
    }

    public void Flush()
    {
        _pending.Position = 0;
        _pending.CopyTo(destination);
        Advance();
    }

    public async Task FlushAsync(CancellationToken cancellation)
    {
        _pending.Position = 0;
        await _pending.CopyToAsync(destination, cancellation);
        Advance();
    }

    void Advance()
    {
        _flushed += _pending.Length;
        _pending.SetLength(0);
    }

    void Begin(int number)
    {
        if (_offsets[number] >= 0) throw new InvalidOperationException($"PDF object {number} was already written.");
        _offsets[number] = Position;
        Raw($"{number} 0 obj\n");
    }

    void Raw(string ascii)
    {
        Span<byte> bytes = ascii.Length <= 1024 ? stackalloc byte[ascii.Length] : new byte[ascii.Length];
        Encoding.ASCII.GetBytes(ascii, bytes);
        _pending.Write(bytes);
    }
}
