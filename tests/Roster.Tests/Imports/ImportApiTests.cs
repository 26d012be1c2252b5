using System.Net;
using System.Net.Http.Headers;
using Marten;
using Portal.Roster.Classes;
using Portal.Roster.Contracts;
using Portal.Roster.Shared;
using Portal.Roster.Students;
using Portal.Roster.Tests.Api;
using static Portal.Roster.Tests.Imports.ImportClient;

namespace Portal.Roster.Tests.Imports;

[Collection(RosterApiCollection.Name)]
public sealed class ImportApiTests(RosterApi api)
{
    private static string Code(Guid school) => $"S{school.ToString()[..6]}";

    private static OneRosterSample Roll(Guid school, string domain) => new OneRosterSample()
        .School("org-1", identifier: Code(school))
        .Student("s-1", "org-1", "Ada", "Lovelace", "10", email: $"ada@{domain}", identifier: "1001")
        .Student("s-2", "org-1", "Alan", "Turing", "09", email: $"alan@{domain}", identifier: "1002")
        .Staff("t-1", "teacher", "org-1", "Tom", "Hardy", $"tom@{domain}")
        .Class("c-1", "10A Maths", "org-1")
        .Enrol("e-1", "c-1", "org-1", "s-1").Enrol("e-2", "c-1", "org-1", "s-2").Enrol("e-3", "c-1", "org-1", "t-1", "teacher");

    [Fact]
    public async Task A_dry_run_reports_every_row_and_writes_nothing()
    {
        var given = new Given(api);
        var school = await given.School();
        var district = api.District(given.Org);

        var (id, job) = await Upload(district, Roll(school, "dry.example"));

        Assert.Equal(("Queued", 0, 8), (job.GetProperty("status").GetString(), job.GetProperty("progress").GetProperty("done").GetInt32(),
            job.GetProperty("progress").GetProperty("total").GetInt32()));
        var ready = await WaitFor(district, id, "ReadyToApply");
        Assert.Equal(("Unchanged", "Northfield Academy."), Row(ready, "orgs.csv", "org-1"));
        Assert.Equal(("Created", "Enrolled at Northfield Academy in Y10."), Row(ready, "users.csv", "s-1"));
        Assert.Equal(("Created", "Enrolled at Northfield Academy in Y9."), Row(ready, "users.csv", "s-2"));
        Assert.Equal("SentToIdentity", Row(ready, "users.csv", "t-1").Outcome);
        Assert.Equal(("Created", "At Northfield Academy, with 2 students and 1 teacher."), Row(ready, "classes.csv", "c-1"));
        Assert.Equal(("Created", "No staff account has the email tom@dry.example yet; the class awaits one."), Row(ready, "enrollments.csv", "e-3"));
        Assert.Equal([6, 0, 1, 0, 1], new[] { "created", "updated", "unchanged", "refused", "sentToIdentity" }.Select(o => Count(ready, o)));
        Assert.Equal(8, ready.GetProperty("progress").GetProperty("done").GetInt32());

        await using var session = api.Store.QuerySession(given.Org.ToString());
        Assert.Equal(0, await session.Query<StudentState>().CountAsync());
        Assert.Equal(0, await session.Query<ClassState>().CountAsync());
    }

    [Fact]
    public async Task Applying_writes_the_roster_hands_staff_rows_to_identity_and_the_same_file_again_changes_nothing()
    {
        var given = new Given(api);
        var school = await given.School();
        var district = api.District(given.Org);
        var (id, _) = await Upload(district, Roll(school, "apply.example"));
        await WaitFor(district, id, "ReadyToApply");

        var applied = await Apply(district, id);

        Assert.Equal([6, 0, 1, 0, 1], new[] { "created", "updated", "unchanged", "refused", "sentToIdentity" }.Select(o => Count(applied, o)));
        var adaId = RosterIds.Student(given.Org, school, "s-1");
        var classId = RosterIds.Class(given.Org, school, "c-1");
        await using (var session = api.Store.QuerySession(given.Org.ToString()))
        {
            var ada = await session.LoadAsync<StudentState>(adaId);
            Assert.Equal(("s-1", "Y10", "ada@apply.example", "1001", StudentSource.Import),
                (ada!.MisId, ada.YearGroup, ada.Email, ada.StudentInformationNumber, ada.Source));
            var @class = await session.LoadAsync<ClassState>(classId);
            Assert.Equal([adaId, RosterIds.Student(given.Org, school, "s-2")], @class!.StudentIds);
            Assert.Equal(["tom@apply.example"], @class.AwaitedTeacherEmails);
        }
        var staff = await api.Bus.WaitFor<RosterStaffImported>(m => m.ImportId == id);
        Assert.Equal((given.Org, "district_administrator"), (staff.OrganisationId, staff.ActorStaffType));
        var tom = Assert.Single(staff.Rows);
        Assert.Equal(("t-1", "teacher", school.ToString(), "tom@apply.example", 4), (tom.SourcedId, tom.Role, tom.OrgSourcedIds, tom.Email, tom.Row));

        var versions = await Versions(given.Org, adaId, classId);
        var (again, _) = await Upload(district, Roll(school, "apply.example"));
        var dryRun = await WaitFor(district, again, "ReadyToApply");
        Assert.Equal([0, 0, 7, 0, 1], new[] { "created", "updated", "unchanged", "refused", "sentToIdentity" }.Select(o => Count(dryRun, o)));
        var reapplied = await Apply(district, again);
        Assert.Equal([0, 0, 7, 0, 1], new[] { "created", "updated", "unchanged", "refused", "sentToIdentity" }.Select(o => Count(reapplied, o)));
        Assert.Equal(versions, await Versions(given.Org, adaId, classId));

        await (await district.PostAsync($"/imports/{id}/apply", null))
            .ShouldBeProblem(HttpStatusCode.Conflict, $"Import {id} is applied already; only a finished dry run can be applied.");
    }

    private async Task<long[]> Versions(Guid org, params Guid[] streams)
    {
        await using var session = api.Store.QuerySession(org.ToString());
        var versions = new List<long>();
        foreach (var stream in streams)
            versions.Add((await session.Events.FetchStreamStateAsync(stream))!.Version);
        return [.. versions];
    }

    [Fact]
    public async Task Another_organisations_import_is_not_found()
    {
        var given = new Given(api);
        var school = await given.School();
        var (id, _) = await Upload(api.District(given.Org), Roll(school, "mine.example"));
        var stranger = api.District(Guid.NewGuid());

        await (await stranger.GetAsync($"/imports/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, $"Import {id} was not found.");
        await (await stranger.PostAsync($"/imports/{id}/apply", null)).ShouldBeProblem(HttpStatusCode.NotFound, $"Import {id} was not found.");
    }

    [Fact]
    public async Task A_header_that_is_not_OneRoster_1_1_is_refused_naming_the_file_and_the_column()
    {
        var given = new Given(api);
        var school = await given.School();
        var sample = Roll(school, "header.example")
            .Header("classes.csv", OneRosterSample.Headers["classes.csv"].Replace("schoolSourcedId", "schoolId"));

        var problem = await (await api.District(given.Org).PostAsync("/imports", Multipart(sample.Zip())))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "classes.csv has 'schoolId' as column 10 where OneRoster 1.1 has 'schoolSourcedId'");

        Assert.True(problem.GetProperty("errors").TryGetProperty("classes.csv", out _));
    }

    [Fact]
    public async Task A_set_missing_a_file_is_refused_naming_it()
    {
        var given = new Given(api);

        await (await api.District(given.Org).PostAsync("/imports", Multipart(Roll(Guid.NewGuid(), "x.example").Without("enrollments.csv").Zip())))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "The zip has no enrollments.csv");
    }

    [Fact]
    public async Task What_is_not_a_zip_is_an_unsupported_media_type()
    {
        var district = api.District(Guid.NewGuid());
        var csv = new StringContent(OneRosterSample.Headers["users.csv"]);
        csv.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        await (await district.PostAsync("/imports", csv)).ShouldBeProblem(HttpStatusCode.UnsupportedMediaType,
            "Send the OneRoster zip as the multipart/form-data field 'file' or as an application/zip body.");
        await (await district.PostAsync("/imports", Multipart("sourcedId,status"u8.ToArray(), "users.csv")))
            .ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "'users.csv' is not a zip archive");
    }

    [Fact]
    public async Task A_zip_sent_as_the_body_is_accepted()
    {
        var given = new Given(api);
        var school = await given.School();
        var body = new ByteArrayContent(Roll(school, "body.example").Zip());
        body.Headers.ContentType = new MediaTypeHeaderValue("application/zip");

        var job = await (await api.Customer(given.Org).PostAsync("/imports", body)).ShouldBe(HttpStatusCode.Accepted);

        Assert.Equal(("oneroster.zip", "Queued"), (job.GetProperty("fileName").GetString(), job.GetProperty("status").GetString()));
    }
}
