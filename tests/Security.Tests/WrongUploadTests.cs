using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Xunit.Abstractions;

namespace Portal.Security.Tests;

/// <summary>
/// The uploads (the parent portal logo, the staff users.csv import, the roster's OneRoster zip import) given files of
/// the wrong kind — a PDF or a Windows executable as a logo, a PNG as a CSV or a zip, a body of the wrong media type —
/// through the gateway: each is refused with 400 or 415 problem details whose message says what was wrong.
/// </summary>
[Collection(SecuritySuiteCollection.Name)]
public sealed class WrongUploadTests(SecuritySuiteFixture suite, ITestOutputHelper output)
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    private static readonly byte[] Executable = [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];
    private static readonly byte[] Csv = Encoding.UTF8.GetBytes("sourcedId,orgSourcedIds,role,givenName,familyName,email\r\n");

    /// <summary>400 for a file that is not what it should be, 415 for a body of a type the operation does not take.</summary>
    private static readonly HttpStatusCode[] Refused = [HttpStatusCode.BadRequest, HttpStatusCode.UnsupportedMediaType];

    /// <summary>One wrong upload: where it goes, what it sends, and what the refusal must say.</summary>
    private sealed record WrongUpload(string Operation, string Path, string What, Func<HttpContent> Content, HttpStatusCode[] Expected, string MessageNames);

    [Fact]
    public async Task Every_upload_refuses_a_file_of_the_wrong_kind_with_a_precise_problem()
    {
        var school = suite.OrganisationA["school"];
        var logo = $"/institution/institutions/{school}/settings/parent-portal-logo";
        var logoOperation = "PUT /institution/institutions/{school}/settings/parent-portal-logo";
        var staffImport = "POST /identity/staff/import";
        var rosterImport = "POST /roster/imports";
        WrongUpload[] uploads =
        [
            new(logoOperation, logo, "a PDF as the logo", () => File("logo", Pdf, "logo.pdf", "application/pdf"), Refused, "PNG, JPEG, GIF or WebP"),
            new(logoOperation, logo, "a PDF labelled image/png", () => File("logo", Pdf, "logo.png", "image/png"), Refused, "declared as image/png"),
            new(logoOperation, logo, "an executable labelled image/png", () => File("logo", Executable, "logo.png", "image/png"), Refused, "declared as image/png"),
            new(logoOperation, logo, "an executable labelled as one", () => File("logo", Executable, "logo.exe", "application/x-msdownload"), Refused, "PNG, JPEG, GIF or WebP"),
            new(logoOperation, logo, "the image as a raw body, not a form", () => Raw(Png, "image/png"), Refused, "'image/png'"),
            new(staffImport, "/identity/staff/import", "a PNG as the text/csv body", () => Raw(Png, "text/csv"), Refused, "column"),
            new(staffImport, "/identity/staff/import", "a PNG as the file field", () => File("file", Png, "users.csv", "text/csv"), Refused, "column"),
            new(staffImport, "/identity/staff/import", "a PDF body", () => Raw(Pdf, "application/pdf"), Refused, "'application/pdf'"),
            new(rosterImport, "/roster/imports", "a PNG as the application/zip body", () => Raw(Png, "application/zip"), Refused, "zip"),
            new(rosterImport, "/roster/imports", "a PNG as the file field", () => File("file", Png, "oneroster.zip", "application/zip"), Refused, "zip"),
            new(rosterImport, "/roster/imports", "a CSV body", () => Raw(Csv, "text/csv"), Refused, "application/zip"),
        ];
        var report = new SecurityReport();
        var operatorToken = await suite.Clients.OperatorTokenAsync();
        using var gateway = suite.System.CreateGatewayClient();

        foreach (var upload in uploads)
        {
            var (status, problem, text) = await SendAsync(gateway, upload, suite.OrganisationAToken, actingOn: null);
            if (status == HttpStatusCode.Forbidden)
                (status, problem, text) = await SendAsync(gateway, upload, operatorToken, actingOn: suite.OrganisationA["org"]);
            var precise = text.Contains(upload.MessageNames, StringComparison.OrdinalIgnoreCase);
            report.Add(new($"upload: {upload.What}", upload.Operation, status, upload.Expected.Contains(status) && problem && precise,
                $"{(problem ? "" : "(not problem details) ")}{(precise ? "" : $"(does not mention \"{upload.MessageNames}\") ")}{(text.Length > 240 ? text[..240] : text)}"));
        }

        // Every operation the OpenAPI documents give a body other than JSON is one of the uploads above.
        var uploadOperations = suite.Operations
            .Where(o => o.BodyContentType is { } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
            .Select(o => o.Name).ToList();
        var uncovered = uploadOperations.Where(o => uploads.All(u => !string.Equals(u.Operation, o, StringComparison.OrdinalIgnoreCase))).ToList();

        output.WriteLine(report.Table($"Wrong uploads through the gateway: {uploads.Length} files of the wrong kind to 3 uploads",
        [
            $"operations in the OpenAPI documents with a non-JSON body: {string.Join(", ", uploadOperations)}",
            $"{rosterImport} declares no body in its document (it reads the upload itself), so it is named here",
        ]));
        output.WriteLine(SecurityReport.SuiteTable());
        Assert.Empty(report.Failures);
        Assert.Empty(uncovered);
    }

    private static MultipartFormDataContent File(string field, byte[] bytes, string fileName, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, field, fileName } };
    }

    private static ByteArrayContent Raw(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    private static async Task<(HttpStatusCode, bool, string)> SendAsync(HttpClient gateway, WrongUpload upload, string token, string? actingOn)
    {
        using var request = new HttpRequestMessage(new HttpMethod(upload.Operation.Split(' ')[0]), upload.Path) { Content = upload.Content() };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (actingOn is not null) request.Headers.Add("Portal-Organisation", actingOn);
        using var response = await gateway.SendAsync(request);
        var answer = await ProblemAnswer.ReadAsync(response);
        return (answer.Status, answer.IsProblem, answer.Body);
    }
}
