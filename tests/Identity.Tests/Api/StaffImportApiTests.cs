using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Portal.Testing;

namespace Portal.Identity.Tests.Api;

[Collection(StaffFeaturesApiCollection.Name)]
public sealed class StaffImportApiTests(StaffFeaturesApi api)
{
    private const string Header =
        "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,"
        + "identifier,email,sms,phone,agentSourcedIds,grades,password";

    [Fact]
    public async Task An_uploaded_users_csv_creates_teachers_and_reports_every_row()
    {
        var org = Guid.NewGuid();
        var ashdown = await api.School(org, "Ashdown Primary", code: "ASH01");
        var beacon = await api.School(org, "Beacon Academy", code: "BEA02");
        var domain = Domain();
        var csv = Csv(
            User("t-1", "teacher", "ash01", "Ann", "Baker", $"ann.baker@{domain}"),
            User("t-2", "teacher", $"{beacon},ASH01", "Ben", "Cole", $"Ben.Cole@{domain}"),
            User("s-1", "student", "ASH01", "Cat", "Dunn", $"cat.dunn@{domain}"),
            User("a-1", "administrator", "ASH01", "Dee", "Eve", $"dee.eve@{domain}"),
            User("t-3", "teacher", "NOPE9", "Fay", "Gale", $"fay.gale@{domain}"));

        var report = await (await api.District(org).PostAsync("/staff/import", Multipart(csv))).ShouldBe(HttpStatusCode.OK);

        Assert.Equal([5, 2, 0, 1, 2], new[] { "rows", "created", "updated", "skipped", "failed" }.Select(p => report.GetProperty(p).GetInt32()));
        var rows = Rows(report);
        Assert.Equal([2, 3, 4, 5, 6], rows.Select(r => r.GetProperty("row").GetInt32()));
        Assert.Equal(["created", "created", "skipped", "failed", "failed"], rows.Select(r => r.GetProperty("outcome").GetString()));
        Assert.Equal(["t-1", "t-2", "s-1", "a-1", "t-3"], rows.Select(r => r.GetProperty("sourcedId").GetString()));
        Assert.Equal($"ben.cole@{domain}", rows[1].GetProperty("email").GetString());
        Assert.Contains("Role 'student' is not staff", Reason(rows[2]));
        Assert.Contains("can only be added individually, not in bulk", Reason(rows[3]));
        Assert.Contains("'NOPE9'", Reason(rows[4]));

        var staff = await (await api.District(org).GetAsync("/staff")).ShouldBe(HttpStatusCode.OK);
        var ben = staff.EnumerateArray().Single(a => a.Id() == rows[1].GetProperty("accountId").GetGuid());
        Assert.Equal("Teacher", ben.GetProperty("type").GetString());
        Assert.Equal([beacon, ashdown], ben.GetProperty("institutions").EnumerateArray().Select(i => i.GetGuid()));
        Assert.Equal(2, staff.GetArrayLength());
    }

    [Fact]
    public async Task A_row_with_an_email_already_used_fails_and_the_other_rows_are_created()
    {
        var org = Guid.NewGuid();
        var school = await api.School(org, "Clifton High", code: "CLF03");
        var domain = Domain();
        await api.StaffAccount(org, "Teacher", [school], email: $"taken@{domain}");
        var csv = Csv(
            User("t-1", "teacher", "CLF03", "Gus", "Hart", $"TAKEN@{domain}"),
            User("t-2", "teacher", "CLF03", "Ida", "Jones", $"ida.jones@{domain}"),
            User("t-3", "teacher", "CLF03", "Ida", "Jones", $"ida.jones@{domain}"),
            User("t-4", "teacher", "CLF03", "Kit", "Lamb", "not-an-email"),
            User("t-5", "teacher", "CLF03", "Lou", "Mace", $"lou.mace@{domain}"));

        var report = await (await api.District(org).PostAsync("/staff/import", CsvBody(csv))).ShouldBe(HttpStatusCode.OK);

        var rows = Rows(report);
        Assert.Equal(["failed", "created", "failed", "failed", "created"], rows.Select(r => r.GetProperty("outcome").GetString()));
        Assert.Contains($"'taken@{domain}' already exists in this organisation", Reason(rows[0]));
        Assert.Contains("also on row 3", Reason(rows[2]));
        Assert.Contains("'not-an-email' is not an email address", Reason(rows[3]));
        var staff = await (await api.District(org).GetAsync("/staff")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(3, staff.GetArrayLength());
    }

    [Fact]
    public async Task Importing_the_file_again_updates_the_accounts_it_created()
    {
        var org = Guid.NewGuid();
        await api.School(org, "Ashdown Primary", code: "ASH01");
        var domain = Domain();
        var district = api.District(org);
        await (await district.PostAsync("/staff/import", CsvBody(Csv(
            User("t-1", "teacher", "ASH01", "Ann", "Baker", $"ann.baker@{domain}"),
            User("t-2", "teacher", "ASH01", "Ben", "Cole", $"ben.cole@{domain}"))))).ShouldBe(HttpStatusCode.OK);

        var again = await (await district.PostAsync("/staff/import", CsvBody(Csv(
            User("t-1", "teacher", "ASH01", "Ann", "Baker-Smith", $"ann.baker-smith@{domain}"),
            User("t-2", "teacher", "ASH01", "Ben", "Cole", $"ben.cole@{domain}"))))).ShouldBe(HttpStatusCode.OK);

        var rows = Rows(again);
        Assert.Equal(["updated", "skipped"], rows.Select(r => r.GetProperty("outcome").GetString()));
        Assert.Equal("Already up to date.", Reason(rows[1]));
        var ann = await (await district.GetAsync($"/staff/{rows[0].GetProperty("accountId").GetGuid()}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Baker-Smith", ann.GetProperty("familyName").GetString());
        Assert.Equal($"ann.baker-smith@{domain}", ann.GetProperty("email").GetString());
    }

    [Fact]
    public async Task A_building_administrator_imports_teachers_of_their_own_school_only()
    {
        var org = Guid.NewGuid();
        var own = await api.School(org, "Ashdown Primary", code: "ASH01");
        await api.School(org, "Beacon Academy", code: "BEA02");
        var domain = Domain();

        var report = await (await api.Building(org, own).PostAsync("/staff/import", CsvBody(Csv(
            User("t-1", "teacher", "ASH01", "Ann", "Baker", $"ann.baker@{domain}"),
            User("t-2", "teacher", "BEA02", "Ben", "Cole", $"ben.cole@{domain}"))))).ShouldBe(HttpStatusCode.OK);

        var rows = Rows(report);
        Assert.Equal(["created", "failed"], rows.Select(r => r.GetProperty("outcome").GetString()));
        Assert.Contains("only in their own school", Reason(rows[1]));
        await (await api.Teacher(org, own).PostAsync("/staff/import", CsvBody(Csv())))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "Bulk import of staff");
    }

    [Fact]
    public async Task A_malformed_csv_is_a_400_problem_and_imports_nothing()
    {
        var org = Guid.NewGuid();
        await api.School(org, "Ashdown Primary", code: "ASH01");
        var district = api.District(org);
        var domain = Domain();

        await (await district.PostAsync("/staff/import", CsvBody("sourcedId,role,givenName\nt-1,teacher,Ann\n")))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "lacks the columns orgSourcedIds, familyName, email");
        var brokenQuote = Csv(User("t-1", "teacher", "ASH01", "Ann", "Baker", $"ann.baker@{domain}")) + "t-2,,,,\"ASH01,teacher,,,Ben\"x,Cole\n";
        await (await district.PostAsync("/staff/import", CsvBody(brokenQuote)))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "Row 3 is not valid CSV");
        await (await district.PostAsync("/staff/import", CsvBody("")))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "The file is empty");
        var notCsv = new StringContent("{}", Encoding.UTF8, "application/json");
        await (await district.PostAsync("/staff/import", notCsv)).ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "application/json");

        var staff = await (await district.GetAsync("/staff")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, staff.GetArrayLength());
    }

    [Fact]
    public async Task A_file_over_the_limits_is_refused_with_a_problem()
    {
        var org = Guid.NewGuid();
        var district = api.District(org);
        var tooLarge = Header + "\n" + new string('x', 5 * 1024 * 1024);

        await (await district.PostAsync("/staff/import", CsvBody(tooLarge)))
            .ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "at most 5,242,880 bytes");
        await (await district.PostAsync("/staff/import", Multipart(tooLarge)))
            .ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "at most 5,242,880 bytes");
        var tooManyRows = Csv(Enumerable.Range(1, 5_001).Select(i => User($"t-{i}", "student", "ASH01", "A", "B", $"s{i}@example.org")).ToArray());
        await (await district.PostAsync("/staff/import", CsvBody(tooManyRows)))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "more than 5,000 rows");
    }

    [Fact]
    public async Task The_openapi_document_describes_both_upload_forms()
    {
        var document = await (await api.Anonymous().GetAsync("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK);

        var import = document.GetProperty("paths").GetProperty("/staff/import").GetProperty("post");
        var content = import.GetProperty("requestBody").GetProperty("content");
        Assert.True(content.TryGetProperty("multipart/form-data", out _));
        Assert.True(content.TryGetProperty("text/csv", out _));
        Assert.True(document.GetProperty("paths").TryGetProperty("/staff/{id}/associations", out _));
    }

    [Fact]
    public async Task A_row_refused_when_saved_fails_alone_and_the_rest_of_its_batch_is_saved()
    {
        var org = Guid.NewGuid();
        var school = await api.School(org, "Ashdown Primary", code: "ASH01");
        var domain = Domain();
        // Sign-in names are unique across organisations, which only the save finds out.
        await api.StaffAccount(Guid.NewGuid(), "CustomerAdministrator", email: $"elsewhere@{domain}");

        var report = await (await api.District(org).PostAsync("/staff/import", CsvBody(Csv(
            User("t-1", "teacher", "ASH01", "Ann", "Baker", $"ann.baker@{domain}"),
            User("t-2", "teacher", "ASH01", "Ben", "Cole", $"elsewhere@{domain}"),
            User("t-3", "teacher", "ASH01", "Cat", "Dunn", $"cat.dunn@{domain}"))))).ShouldBe(HttpStatusCode.OK);

        var rows = Rows(report);
        Assert.Equal(["created", "failed", "created"], rows.Select(r => r.GetProperty("outcome").GetString()));
        Assert.Contains($"elsewhere@{domain}", Reason(rows[1]));
        var staff = await (await api.District(org).GetAsync("/staff")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2, staff.GetArrayLength());
        Assert.All(staff.EnumerateArray(), a => Assert.Equal([school], a.GetProperty("institutions").EnumerateArray().Select(i => i.GetGuid())));
    }

    [Fact]
    public async Task The_largest_allowed_file_imports_in_one_request()
    {
        var org = Guid.NewGuid();
        await api.School(org, "Ashdown Primary", code: "ASH01");
        var domain = Domain();
        var csv = Csv(Enumerable.Range(1, 5_000).Select(i => User($"t-{i}", "teacher", "ASH01", "Ann", $"Baker{i}", $"t{i}@{domain}")).ToArray());

        var report = await (await api.District(org).PostAsync("/staff/import", CsvBody(csv))).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(5_000, report.GetProperty("created").GetInt32());
    }

    private static string Domain() => $"{Guid.NewGuid():N}.sch.uk";

    private static string User(string sourcedId, string role, string orgs, string given, string family, string email) =>
        $"{sourcedId},active,2026-09-01,true,\"{orgs}\",{role},{email},,{given},{family},,,{email},,,,,";

    private static string Csv(params string[] rows) => string.Join("\n", [Header, .. rows]) + "\n";

    private static StringContent CsvBody(string csv) => new(csv, Encoding.UTF8, "text/csv");

    private static MultipartFormDataContent Multipart(string csv)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", "users.csv" } };
    }

    private static List<JsonElement> Rows(JsonElement report) => report.GetProperty("results").EnumerateArray().ToList();

    private static string Reason(JsonElement row) => row.GetProperty("reason").GetString() ?? "";
}
