using System.Net;
using Marten;
using Npgsql;
using Portal.Identity.Students.StartCards.Codes;
using Portal.Testing;

namespace Portal.Identity.Tests.StartCards;

/// <summary>Printing start cards over HTTP: what is on them, who gets them, and who may print them.</summary>
[Collection(StartCardsApiCollection.Name)]
public sealed class StartCardApiTests(StartCardsApi api) : IAsyncLifetime
{
    readonly SchoolGiven given = new(api);

    public Task InitializeAsync() => given.OpenAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_year_group_prints_one_card_per_enabled_student_eight_to_an_A4_page()
    {
        var year10 = new List<Pupil>();
        for (var i = 0; i < 9; i++)
            year10.Add(await given.StudentAsync("Y10"));
        var year11 = await given.StudentAsync("Y11");
        var noEmail = await given.StudentAsync("Y10", email: false);
        var left = await given.StudentAsync("Y10");
        await given.LeaveAsync(left);

        var response = await SchoolGiven.PrintAsync(api.District(given.Org), new { schoolId = given.School, yearGroups = new[] { "y10" } });
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var pdf = await PdfPages.ReadAsync(response);

        Assert.Equal(2, pdf.Pages.Count);
        Assert.All(pdf.Pages, page => page.ShouldBeA4());
        Assert.Equal([8, 1], pdf.Pages.Select(p => SchoolGiven.Cards(new PdfPages([p])).Count));
        var cards = SchoolGiven.Cards(pdf);
        Assert.Equal(year10.Select(p => p.Username).Order(), cards.Select(c => c.Username).Order());
        Assert.Equal(9, cards.Select(c => c.Code).Distinct().Count());
        Assert.DoesNotContain(cards, c => c.Username == year11.Username || c.Username == noEmail.Username || c.Username == left.Username);
        var first = year10.MinBy(p => p.FamilyName)!;
        pdf.Pages[0].ShouldShow(given.SchoolName, first.Name, "https://portal.example.test/identity/account/start");
    }

    [Fact]
    public async Task The_whole_school_prints_every_enabled_student_and_a_class_only_its_own()
    {
        var (a, b, c) = (await given.StudentAsync("Y10"), await given.StudentAsync("Y11"), await given.StudentAsync("Y11"));
        var classId = await given.ClassAsync([Guid.NewGuid()], a, c);
        var district = api.District(given.Org);

        var school = SchoolGiven.Cards(await PdfPages.ReadAsync(await SchoolGiven.PrintAsync(district, new { schoolId = given.School })));
        Assert.Equal(new[] { a, b, c }.Select(p => p.Username).Order(), school.Select(x => x.Username).Order());

        var inClass = SchoolGiven.Cards(await PdfPages.ReadAsync(
            await SchoolGiven.PrintAsync(district, new { schoolId = given.School, classId, yearGroups = new[] { "Y11" } })));
        Assert.Equal([c.Username], inClass.Select(x => x.Username));
    }

    [Fact]
    public async Task Codes_are_stored_only_as_salted_hashes()
    {
        var pupil = await given.StudentAsync();
        var card = await SchoolGiven.PrintedOneAsync(api.Building(given.Org, given.School), pupil);

        await using var connection = new NpgsqlConnection(api.Postgres);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_schema || '.' || table_name from information_schema.columns where column_name = 'data' and table_schema not in ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        Assert.Contains(tables, t => t.EndsWith(".mt_events"));

        foreach (var table in tables)
        {
            await using var search = new NpgsqlCommand($"select count(*) from {table} where upper(data::text) like @display or upper(data::text) like @plain", connection);
            search.Parameters.AddWithValue("display", $"%{card.Code}%");
            search.Parameters.AddWithValue("plain", $"%{SetupCodes.Normalise(card.Code)}%");
            Assert.Equal(0L, (long)(await search.ExecuteScalarAsync())!);
        }
        await using var session = api.Store.QuerySession(given.Org.ToString());
        var issued = Assert.Single((await session.Events.FetchStreamAsync(pupil.Id)).Select(e => e.Data).OfType<StudentSetupCodeIssued>());
        Assert.True(SetupCodes.Matches(card.Code, issued.CodeHash));
    }

    [Fact]
    public async Task Teachers_print_cards_only_for_students_of_the_classes_they_teach()
    {
        var teacher = Guid.NewGuid();
        var (mine, theirs) = (await given.StudentAsync("Y10"), await given.StudentAsync("Y10"));
        var myClass = await given.ClassAsync([teacher], mine);
        var otherClass = await given.ClassAsync([Guid.NewGuid()], theirs);
        var asTeacher = api.Teacher(given.Org, given.School, teacher);

        await SchoolGiven.PrintedOneAsync(asTeacher, mine);
        await (await SchoolGiven.PrintOneAsync(asTeacher, theirs)).ShouldBeProblem(HttpStatusCode.NotFound, "not in your reach");
        // Whether the student has a login follows the same reach as their card.
        var login = await (await asTeacher.GetAsync($"/students/{mine.Id}/login")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(mine.Username, login.GetProperty("username").GetString());
        await (await asTeacher.GetAsync($"/students/{theirs.Id}/login")).ShouldBeProblem(HttpStatusCode.NotFound, "not in your reach");
        var batch = SchoolGiven.Cards(await PdfPages.ReadAsync(await SchoolGiven.PrintAsync(asTeacher, new { schoolId = given.School })));
        Assert.Equal([mine.Username], batch.Select(c => c.Username));
        await (await SchoolGiven.PrintAsync(asTeacher, new { schoolId = given.School, classId = otherClass })).ShouldBeProblem(HttpStatusCode.NotFound, "not in your reach");
        await SchoolGiven.PrintedOneAsync(asTeacher, mine);

        // The same teacher id in another school of the organisation reaches nothing here.
        var elsewhere = api.Teacher(given.Org, Guid.NewGuid(), teacher);
        await (await SchoolGiven.PrintOneAsync(elsewhere, mine)).ShouldBeProblem(HttpStatusCode.NotFound, "not in your reach");
        await (await SchoolGiven.PrintAsync(elsewhere, new { schoolId = given.School, classId = myClass })).ShouldBeProblem(HttpStatusCode.NotFound, "not in your reach");
    }

    [Fact]
    public async Task A_class_follows_Roster_newest_version_first_so_a_removed_teacher_loses_its_students()
    {
        var teacher = Guid.NewGuid();
        var pupil = await given.StudentAsync();
        var classId = Guid.NewGuid();
        await given.ClassChangedAsync(classId, 1, [teacher], pupil);
        var asTeacher = api.Teacher(given.Org, given.School, teacher);
        await SchoolGiven.PrintedOneAsync(asTeacher, pupil);

        Assert.Equal(2, (await given.ClassChangedAsync(classId, 2, [Guid.NewGuid()], pupil))!.Version);
        var late = await given.ClassChangedAsync(classId, 1, [teacher], pupil);
        Assert.Equal(2, late!.Version);
        Assert.DoesNotContain(teacher, late.TeacherIds);
        await (await SchoolGiven.PrintOneAsync(asTeacher, pupil)).ShouldBeProblem(HttpStatusCode.NotFound, "not in your reach");
    }

    [Fact]
    public async Task Other_schools_and_organisations_answer_404_and_an_empty_batch_409()
    {
        var pupil = await given.StudentAsync("Y10");

        await (await SchoolGiven.PrintOneAsync(api.Building(given.Org, Guid.NewGuid()), pupil)).ShouldBeProblem(HttpStatusCode.NotFound, "not in your reach");
        await (await SchoolGiven.PrintAsync(api.Building(given.Org, Guid.NewGuid()), new { schoolId = given.School })).ShouldBeProblem(HttpStatusCode.NotFound, "not in your reach");
        await (await SchoolGiven.PrintOneAsync(api.District(Guid.NewGuid()), pupil)).ShouldBeProblem(HttpStatusCode.NotFound, "not in your reach");
        await (await SchoolGiven.PrintAsync(api.District(Guid.NewGuid()), new { schoolId = given.School })).ShouldBeProblem(HttpStatusCode.NotFound, "not in your reach");

        await (await SchoolGiven.PrintAsync(api.District(given.Org), new { schoolId = given.School, yearGroups = new[] { "Y13" } }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "No student with an enabled login matches");
        await (await SchoolGiven.PrintAsync(api.District(given.Org), new { schoolId = Guid.Empty }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "Name the school");
    }

    [Fact]
    public async Task A_disabled_student_gets_no_card_and_their_printed_code_stops_working()
    {
        var pupil = await given.StudentAsync("Y11");
        var card = await SchoolGiven.PrintedOneAsync(api.District(given.Org), pupil);
        await given.LeaveAsync(pupil);

        await (await SchoolGiven.PrintOneAsync(api.District(given.Org), pupil)).ShouldBeProblem(HttpStatusCode.Conflict, "no enabled login");
        // The username no longer signs anyone in, and the page does not say so: the same refusal as any wrong code.
        await SchoolGiven.ShouldBeRefused(await given.SetUpAsync(pupil.Username, card.Code));
    }
}
