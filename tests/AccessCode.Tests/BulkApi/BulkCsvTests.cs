using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using Marten;
using Portal.AccessCode.Students;
using Portal.AccessCode.Tests.Api;

namespace Portal.AccessCode.Tests.BulkApi;

/// <summary>The export of a bulk job, as a spreadsheet opens it.</summary>
[Collection(AccessCodeApiCollection.Name)]
public sealed class BulkCsvTests(AccessCodeApi api)
{
    private readonly Given given = new(api);

    private static readonly string[] Header =
        ["Student ID", "MIS ID", "Family name", "Given name", "Year group", "School", "Access code", "Sign-up address"];

    private static List<string[]> Parse(byte[] body)
    {
        using var reader = new CsvReader(new StreamReader(new MemoryStream(body), Encoding.UTF8), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add(reader.Parser.Record!);
        return rows;
    }

    [Fact]
    public async Task The_export_lists_every_student_in_letter_order_with_their_current_code()
    {
        var school = await given.School("Collège Saint-Éloi", code: "CSE01");
        var zoe = await given.Student(school, givenName: "Zoë", familyName: "Ångström", yearGroup: "Y9");
        var bob = await given.Student(school, givenName: "Bob", familyName: "Adams", yearGroup: "Y9");
        var admin = api.District(given.Org);
        var job = await admin.Enable(new { schoolId = school });

        var response = await admin.GetAsync(job.GetProperty("links").GetProperty("csv").GetString());
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("access-codes-CSE01.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), body[..3]);

        var rows = Parse(body);
        Assert.Equal(Header, rows[0]);
        Assert.Equal(job.Students(), rows.Skip(1).Select(r => Guid.Parse(r[0])));
        Assert.Equal([bob, zoe], job.Students());
        var zoeRow = rows[2];
        Assert.Equal(["Ångström", "Zoë", "Y9", "Collège Saint-Éloi"], zoeRow[2..6]);
        Assert.StartsWith("MIS-", zoeRow[1]);
        Assert.Equal("https://portal.example/identity/guardians/register", zoeRow[7]);
        foreach (var row in rows.Skip(1))
            Assert.Equal(await api.CurrentCode(given, Guid.Parse(row[0])), row[6]);
    }

    [Fact]
    public async Task The_export_shows_the_code_after_a_later_reset_and_none_for_a_student_who_left()
    {
        var school = await given.School();
        var staying = await given.Student(school, familyName: "Adams");
        var leaving = await given.Student(school, familyName: "Brown");
        var admin = api.District(given.Org);
        var first = await admin.Enable(new { schoolId = school });
        await admin.Enable(new { schoolId = school, mode = "ResetAll" });
        var current = await api.CurrentCode(given, staying);
        await using (var session = api.Store.LightweightSession(given.Org.ToString()))
        {
            var known = await session.LoadAsync<KnownStudent>(leaving);
            session.Store(known! with { Left = true, Version = known.Version + 1 });
            await session.SaveChangesAsync();
        }

        var rows = Parse(await admin.GetByteArrayAsync($"/bulk/{first.Id()}/codes.csv"));

        Assert.Equal([staying, leaving], rows.Skip(1).Select(r => Guid.Parse(r[0])));
        Assert.Equal(current, rows[1][6]);
        Assert.Equal("", rows[2][6]);
    }

    [Fact]
    public async Task Cells_a_spreadsheet_would_run_as_formulas_are_escaped()
    {
        var school = await given.School();
        await given.Student(school, givenName: "=HYPERLINK(\"http://evil.example\",\"x\")", familyName: "Aaron");
        await given.Student(school, givenName: "Bea", familyName: "+1");
        await given.Student(school, givenName: "@SUM(A1)", familyName: "-Cole");
        var admin = api.District(given.Org);
        var job = await admin.Enable(new { schoolId = school });

        var rows = Parse(await admin.GetByteArrayAsync($"/bulk/{job.Id()}/codes.csv"));
        var names = rows.Skip(1).Select(r => (Family: r[2], Given: r[3])).ToList();

        Assert.Contains(("Aaron", "'=HYPERLINK(\"http://evil.example\",\"x\")"), names);
        Assert.Contains(("'+1", "Bea"), names);
        Assert.Contains(("'-Cole", "'@SUM(A1)"), names);
    }
}
