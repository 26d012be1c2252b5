using System.Net;
using Marten;
using Portal.Roster.Classes;
using Portal.Roster.Contracts;
using Portal.Roster.Schools;
using Portal.Roster.Shared;
using Portal.Roster.Students;
using Portal.Roster.Tests.Api;
using static Portal.Roster.Tests.Imports.ImportClient;

namespace Portal.Roster.Tests.Imports;

/// <summary>The chart's scopes for bulk import: District and Customer the organisation, Building their school, Teachers their classes.</summary>
[Collection(RosterApiCollection.Name)]
public sealed class ImportScopeApiTests(RosterApi api)
{
    private static string Email(Guid staff) => $"staff-{staff:N}@school.example";

    [Fact]
    public async Task A_building_administrator_has_the_rows_of_another_school_refused_and_the_rest_applied()
    {
        var given = new Given(api);
        var northfield = await given.School("Northfield Academy");
        var southgate = await given.School("Southgate School");
        var building = api.Building(given.Org, northfield);
        var sample = new OneRosterSample()
            .School(northfield.ToString()).School(southgate.ToString())
            .Student("s-n", northfield.ToString(), "Ada", "Lovelace", "7").Student("s-s", southgate.ToString(), "Alan", "Turing", "7")
            .Staff("t-n", "teacher", northfield.ToString(), "Tom", "Hardy", "tom@north.example")
            .Staff("t-s", "teacher", southgate.ToString(), "Tess", "Ray", "tess@south.example")
            .Class("c-s", "7S Science", southgate.ToString()).Enrol("e-1", "c-s", southgate.ToString(), "s-s");

        var (id, _) = await Upload(building, sample);
        var ready = await WaitFor(building, id, "ReadyToApply");

        foreach (var (file, sourcedId) in new[] { ("orgs.csv", southgate.ToString()), ("users.csv", "s-s"), ("users.csv", "t-s"), ("classes.csv", "c-s") })
            Assert.Equal(("Refused", "Southgate School is not your school."), Row(ready, file, sourcedId));
        Assert.Equal(("Refused", "The class's row (classes.csv row 2) was refused."), Row(ready, "enrollments.csv", "e-1"));
        Assert.Equal("Created", Row(ready, "users.csv", "s-n").Outcome);
        Assert.Equal("SentToIdentity", Row(ready, "users.csv", "t-n").Outcome);

        var applied = await Apply(building, id);
        Assert.Equal((1, 5), (Count(applied, "created"), Count(applied, "refused")));
        await using (var session = api.Store.QuerySession(given.Org.ToString()))
            Assert.Equal([northfield], await session.Query<StudentState>().Select(s => s.SchoolId).ToListAsync());
        var staff = await api.Bus.WaitFor<RosterStaffImported>(m => m.ImportId == id);
        Assert.Equal("building_administrator", staff.ActorStaffType);
        Assert.Equal([northfield], staff.ActorInstitutions);
        Assert.Equal(["t-n"], staff.Rows.Select(r => r.SourcedId));
    }

    [Fact]
    public async Task A_teacher_imports_only_their_classes_and_the_students_in_them()
    {
        var given = new Given(api);
        var school = await given.School(rules: new StudentRosterRules(true, false, 0, false));
        var teacher = await given.Teacher(school);
        var colleague = await given.Teacher(school);
        await ExistingClass(api, given.Org, school, "c-own", "10A Maths", [teacher]);
        var theirs = await ExistingClass(api, given.Org, school, "c-theirs", "10B Maths", [colleague]);
        var org = school.ToString();
        var sample = new OneRosterSample()
            .School(org)
            .Student("s-1", org, "Ada", "Lovelace", "10").Student("s-2", org, "Alan", "Turing", "10").Student("s-3", org, "Grace", "Hopper", "10")
            .Staff("t-me", "teacher", org, "Sam", "Teacher", Email(teacher)).Staff("t-them", "teacher", org, "Kim", "Colleague", Email(colleague))
            .Class("c-own", "10A Maths", org).Class("c-new", "10A Further Maths", org).Class("c-theirs", "10B Maths", org)
            .Enrol("e-1", "c-own", org, "s-1").Enrol("e-2", "c-own", org, "t-me", "teacher")
            .Enrol("e-3", "c-new", org, "s-2").Enrol("e-4", "c-new", org, "t-me", "teacher")
            .Enrol("e-5", "c-theirs", org, "s-3").Enrol("e-6", "c-theirs", org, "t-me", "teacher");
        var client = api.Teacher(given.Org, school, teacher);

        var (id, _) = await Upload(client, sample);
        var ready = await WaitFor(client, id, "ReadyToApply");

        Assert.Equal(("Updated", "1 student joins."), Row(ready, "classes.csv", "c-own"));
        Assert.Equal("Created", Row(ready, "classes.csv", "c-new").Outcome);
        Assert.Equal(("Refused", "10B Maths is not one of your classes."), Row(ready, "classes.csv", "c-theirs"));
        Assert.Equal(("Refused", "Teachers import only students enrolled in their classes; enrollments.csv enrols this student in none of yours."),
            Row(ready, "users.csv", "s-3"));
        Assert.Equal(("Refused", "Teachers may not import staff accounts."), Row(ready, "users.csv", "t-them"));

        await Apply(client, id);
        await using var session = api.Store.QuerySession(given.Org.ToString());
        var created = await session.LoadAsync<ClassState>(RosterIds.Class(given.Org, school, "c-new"));
        Assert.Equal([teacher], created!.TeacherIds);
        Assert.Equal([RosterIds.Student(given.Org, school, "s-2")], created.StudentIds);
        Assert.Empty((await session.LoadAsync<ClassState>(theirs))!.StudentIds);
        Assert.Null(await session.LoadAsync<StudentState>(RosterIds.Student(given.Org, school, "s-3")));
    }

    [Fact]
    public async Task An_import_is_seen_by_its_uploader_and_wider_scopes_of_their_school_only()
    {
        var given = new Given(api);
        var school = await given.School();
        var elsewhere = await given.School("Southgate School");
        var teacher = await given.Teacher(school);
        var sample = new OneRosterSample().School(school.ToString());
        var (id, _) = await Upload(api.Teacher(given.Org, school, teacher), sample);

        await (await api.Teacher(given.Org, school, await given.Teacher(school)).GetAsync($"/imports/{id}")).ShouldBe(HttpStatusCode.NotFound);
        await (await api.Building(given.Org, elsewhere).GetAsync($"/imports/{id}")).ShouldBe(HttpStatusCode.NotFound);
        await (await api.Building(given.Org, school).GetAsync($"/imports/{id}")).ShouldBe(HttpStatusCode.OK);
        await (await api.Teacher(given.Org, school, teacher).GetAsync($"/imports/{id}")).ShouldBe(HttpStatusCode.OK);
    }
}
