using System.Net;
using Portal.AccessCode.Tests.Api;

namespace Portal.AccessCode.Tests.BulkApi;

/// <summary>Who may run and read bulk jobs, and how a wrong request is answered.</summary>
[Collection(AccessCodeApiCollection.Name)]
public sealed class BulkAccessTests(AccessCodeApi api)
{
    private readonly Given given = new(api);

    [Fact]
    public async Task A_building_administrator_of_another_school_finds_neither_the_school_nor_its_jobs()
    {
        var school = await given.School();
        await given.Student(school);
        var job = await api.District(given.Org).Enable(new { schoolId = school });
        var otherSchoolAdmin = api.Building(given.Org, await given.School("Southfield"));

        await (await otherSchoolAdmin.Post("/bulk", new { schoolId = school })).ShouldBeProblem(HttpStatusCode.NotFound, $"School {school}");
        await (await otherSchoolAdmin.GetAsync($"/bulk/{job.Id()}")).ShouldBeProblem(HttpStatusCode.NotFound, $"{job.Id()}");
        await (await otherSchoolAdmin.GetAsync($"/bulk/{job.Id()}/codes.csv")).ShouldBeProblem(HttpStatusCode.NotFound, $"{job.Id()}");
    }

    [Fact]
    public async Task The_building_administrator_of_the_school_reads_its_job()
    {
        var school = await given.School();
        var student = await given.Student(school);
        var admin = api.Building(given.Org, school);
        var created = await admin.Enable(new { schoolId = school });

        var read = await (await admin.GetAsync($"/bulk/{created.Id()}")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal([student], read.Students());
        Assert.Equal(school, read.GetProperty("schoolId").GetGuid());
        Assert.Equal(1, read.Count("issued"));
        Assert.Equal($"/bulk/{created.Id()}", read.GetProperty("links").GetProperty("self").GetString());
    }

    [Fact]
    public async Task Teachers_may_not_enable_codes_in_bulk()
    {
        var school = await given.School();
        var teacher = Guid.NewGuid();
        var student = await given.Student(school);
        await given.Class(school, [teacher], [student]);

        await (await api.Teacher(given.Org, school, teacher).Post("/bulk", new { schoolId = school }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "Enable parent/guardian login");
        Assert.Null(await api.CodesOf(given, student));
    }

    [Fact]
    public async Task Another_organisations_job_is_not_found()
    {
        var school = await given.School();
        await given.Student(school);
        var job = await api.District(given.Org).Enable(new { schoolId = school });
        var otherOrganisation = api.District(Guid.NewGuid());

        await (await otherOrganisation.GetAsync($"/bulk/{job.Id()}")).ShouldBeProblem(HttpStatusCode.NotFound, $"{job.Id()}");
        await (await otherOrganisation.GetAsync($"/bulk/{job.Id()}/codes.csv")).ShouldBeProblem(HttpStatusCode.NotFound, $"{job.Id()}");
        await (await otherOrganisation.Post("/bulk", new { schoolId = school })).ShouldBeProblem(HttpStatusCode.NotFound, $"School {school}");
    }

    [Fact]
    public async Task A_request_without_a_school_and_with_a_bad_mode_lists_both_fields()
    {
        var problem = await (await api.District(given.Org).Post("/bulk", new { mode = "Everything", yearGroups = new[] { " " } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "schoolId is required");

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("schoolId", out _));
        Assert.Contains("MissingOnly or ResetAll", errors.GetProperty("mode")[0].GetString());
        Assert.True(errors.TryGetProperty("yearGroups", out _));
    }

    [Fact]
    public async Task A_class_of_another_school_or_unknown_is_refused_on_its_field()
    {
        var school = await given.School();
        var otherSchool = await given.School("Southfield");
        var student = await given.Student(school);
        var otherClass = await given.Class(otherSchool, [], [student]);
        var admin = api.District(given.Org);

        foreach (var @class in new[] { otherClass, Guid.NewGuid() })
        {
            var problem = await (await admin.Post("/bulk", new { schoolId = school, classId = @class }))
                .ShouldBeProblem(HttpStatusCode.BadRequest, $"Class {@class} is not a class of school {school}");
            Assert.True(problem.GetProperty("errors").TryGetProperty("classId", out _));
        }
        Assert.Null(await api.CodesOf(given, student));
    }
}
