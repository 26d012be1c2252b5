using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Imports.Http;

/// <summary>
/// The uploaded zip, from the multipart/form-data field 'file' or an application/zip body: refused early when larger
/// than <see cref="MaxFileBytes"/> (413), when sent as anything else (415), or when its bytes are not a zip (415).
/// </summary>
public static class ImportUpload
{
    public const long MaxFileBytes = 20 * 1024 * 1024;
    // Multipart framing around the file: boundaries and part headers.
    private const long MultipartOverhead = 64 * 1024;
    private static readonly string[] ZipTypes = ["application/zip", "application/x-zip-compressed"];

    public sealed record Upload(string FileName, byte[] Content);

    public static async Task<Upload> ReadAsync(HttpContext http)
    {
        var request = http.Request;
        var multipart = request.HasFormContentType;
        if (!multipart && !IsZip(request.ContentType))
            throw new BadHttpRequestException(
                "Send the OneRoster zip as the multipart/form-data field 'file' or as an application/zip body.",
                StatusCodes.Status415UnsupportedMediaType);

        var allowed = MaxFileBytes + (multipart ? MultipartOverhead : 0);
        if (request.ContentLength > allowed)
            throw TooLarge(request.ContentLength.Value);
        // Kestrel then stops a chunked body that runs past the limit.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = allowed;

        var (name, content) = multipart ? await FormFile(http) : (FileNameOf(request), await ReadAtMost(request.Body, http.RequestAborted));
        if (!LooksLikeZip(content))
            throw new BadHttpRequestException(
                $"'{name}' is not a zip archive (it does not start with a zip signature); upload the OneRoster 1.1 CSV files zipped.",
                StatusCodes.Status415UnsupportedMediaType);
        return new Upload(name, content);
    }

    private static async Task<(string, byte[])> FormFile(HttpContext http)
    {
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (InvalidDataException e)
        {
            throw new BadHttpRequestException($"The multipart body could not be read: {e.Message}", StatusCodes.Status400BadRequest);
        }
        var file = form.Files.GetFile("file")
            ?? throw new ValidationFailed("file", "Upload the OneRoster zip as the multipart/form-data field 'file'.");
        if (file.Length > MaxFileBytes)
            throw TooLarge(file.Length);
        await using var stream = file.OpenReadStream();
        return (file.FileName, await ReadAtMost(stream, http.RequestAborted));
    }

    private static string FileNameOf(HttpRequest request) =>
        ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition)
            ? (disposition.FileNameStar.Value ?? disposition.FileName.Value ?? "").Trim('"')
            : "";

    private static bool IsZip(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && ZipTypes.Any(t => media.MediaType.Equals(t, StringComparison.OrdinalIgnoreCase));

    // A zip starts with a local file header, or with the end of the central directory when it is empty.
    private static bool LooksLikeZip(byte[] content) =>
        content.Length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] is 3 or 5 && content[3] is 4 or 6;

    private static async Task<byte[]> ReadAtMost(Stream body, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellation)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
                throw TooLarge(buffer.Length + read);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static BadHttpRequestException TooLarge(long bytes) => new(
        $"The upload is {bytes:N0} bytes or more; at most {MaxFileBytes:N0} bytes ({MaxFileBytes / 1024 / 1024} MB) may be imported at once. "
        + "Split the set.", StatusCodes.Status413PayloadTooLarge);
}
