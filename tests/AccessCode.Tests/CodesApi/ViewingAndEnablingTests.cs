using System.Net;
using Marten;
using Portal.AccessCode.Codes;
using Portal.AccessCode.Tests.Api;
using static Portal.AccessCode.Tests.CodesApi.PortalAccess;

namespace Portal.AccessCode.Tests.CodesApi;

[Collection(AccessCodeApiCollection.Name)]
public sealed class ViewingAndEnablingTests(AccessCodeApi api)
{
    private readonly Given given = new(api);

    [Fact]
    public async Task A_student_without_a_code_is_shown_as_not_enabled()
    {
        var school = await given.School("Northfield Academy");
        var student = await given.Student(school, "Y8", "Ada", "Lovelace");

        var view = await (await api.District(given.Org).GetAsync(View(student))).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(student, view.GetProperty("studentId").GetGuid());
        Assert.Equal(school, view.GetProperty("schoolId").GetGuid());
        Assert.Equal("Northfield Academy", view.GetProperty("schoolName").GetString());
        Assert.Equal("Ada Lovelace", view.GetProperty("studentName").GetString());
        Assert.Equal("Y8", view.GetProperty("yearGroup").GetString());
        Assert.False(view.GetProperty("enabled").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, view.GetProperty("code").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, view.GetProperty("instructions").ValueKind);
        Assert.Equal(0, view.GetProperty("guardians").GetArrayLength());
        var links = view.GetProperty("links");
        Assert.Equal($"/students/{student}/enable", links.GetProperty("enable").GetString());
        Assert.Equal($"/students/{student}/reset", links.GetProperty("reset").GetString());
        Assert.Equal($"/students/{student}/instructions.pdf", links.GetProperty("instructionsPdf").GetString());
        Assert.Equal($"/students/{student}/history", links.GetProperty("history").GetString());
    }

    [Fact]
    public async Task Enabling_issues_a_printed_code_with_instructions_that_the_view_then_shows()
    {
        var school = await given.School("Northfield Academy");
        var student = await given.Student(school, givenName: "Ada", familyName: "Lovelace");
        var client = api.District(given.Org);

        var response = await client.PostAsync(Enable(student), null);
        var created = await response.ShouldBe(HttpStatusCode.Created);
        Assert.Equal($"/students/{student}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);

        var code = CodeOf(created);
        Assert.Matches(PrintedCode(), code);
        Assert.True(created.GetProperty("enabled").GetBoolean());
        var instructions = created.GetProperty("instructions");
        Assert.Equal(code, instructions.GetProperty("code").GetString());
        Assert.Equal(SignUpUrl, instructions.GetProperty("signUpUrl").GetString());
        Assert.Equal("Northfield Academy", instructions.GetProperty("schoolName").GetString());
        var steps = instructions.GetProperty("steps").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.Contains(steps, s => s.Contains(code));
        Assert.Contains(steps, s => s.Contains(SignUpUrl));

        var read = await client.GetAsync(View(student));
        var view = await read.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal(code, CodeOf(view));
        Assert.True(view.GetProperty("enabled").GetBoolean());
        Assert.True(view.GetProperty("codeIssuedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task The_issued_code_is_found_by_its_keyed_hash_and_pairs_a_guardian()
    {
        var school = await given.School();
        var student = await given.Student(school);
        var code = CodeOf(await Enabled(api.District(given.Org), student));

        var hash = api.Secrets.HashOfEntered(code.ToLowerInvariant().Replace("-", " "))!;
        await using var session = api.Store.QuerySession(given.Org.ToString());
        var entry = await session.LoadAsync<CodeLookupEntry>(hash);
        Assert.Equal(student, entry?.StudentId);
        Assert.Equal(given.Org, entry?.OrganisationId);
        var state = await StateOf(api, given.Org, student);
        Assert.Single(Codes.AccessCode.Decide(new PairGuardian(student, Guid.NewGuid(), hash, DateTimeOffset.UtcNow), state));
    }

    [Fact]
    public async Task Enabling_twice_is_a_conflict_that_points_to_reset()
    {
        var school = await given.School();
        var student = await given.Student(school);
        var client = api.District(given.Org);
        var first = CodeOf(await Enabled(client, student));

        await (await client.PostAsync(Enable(student), null)).ShouldBeProblem(HttpStatusCode.Conflict, "already has an access code");
        Assert.Equal(first, CodeOf(await (await client.GetAsync(View(student))).ShouldBe(HttpStatusCode.OK)));
    }

    [Fact]
    public async Task Enabling_a_student_who_has_left_is_a_conflict()
    {
        var school = await given.School();
        var student = await given.Student(school, left: true);

        await (await api.District(given.Org).PostAsync(Enable(student), null)).ShouldBeProblem(HttpStatusCode.Conflict, "has left");
        await using var session = api.Store.QuerySession(given.Org.ToString());
        Assert.Null(await session.Events.FetchStreamStateAsync(student));
    }

    [Fact]
    public async Task Enabling_a_student_whose_stream_holds_only_what_Roster_noted_appends_the_code_to_it()
    {
        var school = await given.School();
        var student = await given.Student(school);
        await using (var session = api.Store.LightweightSession(given.Org.ToString()))
        {
            session.Events.StartStream<AccessCodeState>(student, new StudentStatusNoted(student, school, false, DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }
        var client = api.District(given.Org);
        var before = await (await client.GetAsync(View(student))).ShouldBe(HttpStatusCode.OK);
        Assert.False(before.GetProperty("enabled").GetBoolean());

        var response = await client.PostAsync(Enable(student), null);
        var created = await response.ShouldBe(HttpStatusCode.Created);
        Assert.Matches(PrintedCode(), CodeOf(created));
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Paired_guardians_are_listed_with_name_email_and_date()
    {
        var school = await given.School();
        var student = await given.Student(school);
        var client = api.District(given.Org);
        await Enabled(client, student);
        var guardian = await given.Guardian("Grace", "Hopper");
        await Pair(api, given.Org, student, guardian);

        var view = await (await client.GetAsync(View(student))).ShouldBe(HttpStatusCode.OK);
        var listed = Assert.Single(view.GetProperty("guardians").EnumerateArray());
        Assert.Equal(guardian, listed.GetProperty("guardianId").GetGuid());
        Assert.Equal("Grace Hopper", listed.GetProperty("name").GetString());
        Assert.Equal($"guardian-{guardian:N}@home.example", listed.GetProperty("email").GetString());
        Assert.True(listed.GetProperty("pairedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
    }
}
