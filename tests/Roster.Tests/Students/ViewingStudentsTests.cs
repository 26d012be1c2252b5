using System.Net;
using Portal.Roster.Tests.Api;

namespace Portal.Roster.Tests.StudentsApi;

[Collection(RosterApiCollection.Name)]
public sealed class ViewingStudentsTests(RosterApi api)
{
    [Fact]
    public async Task A_teacher_lists_only_the_students_of_their_active_classes()
    {
        var roster = await TwoSchools.Arrange(api);
        var inInactiveClass = await roster.Given.Student(roster.SchoolA, givenName: "Mary", familyName: "Somerville");
        var inactive = await roster.Given.Class(roster.SchoolA, [roster.Teacher], [inInactiveClass], "7D Maths");
        await roster.Deactivate(api, inactive);

        var list = await (await api.Teacher(roster.Org, roster.SchoolA, roster.Teacher).GetAsync($"/institutions/{roster.SchoolA}/students"))
            .ShouldBe(HttpStatusCode.OK);

        Assert.Equal([roster.OwnStudent], list.EnumerateArray().Select(s => s.Id()));
    }

    [Fact]
    public async Task A_teacher_asking_for_another_schools_students_is_told_it_does_not_exist()
    {
        var roster = await TwoSchools.Arrange(api);

        var response = await api.Teacher(roster.Org, roster.SchoolA, roster.Teacher).GetAsync($"/institutions/{roster.SchoolB}/students");

        await response.ShouldBeProblem(HttpStatusCode.NotFound, $"School {roster.SchoolB} was not found.");
    }

    [Fact]
    public async Task Left_students_are_listed_only_when_asked_for_and_year_groups_filter_by_id_or_name()
    {
        var given = new Given(api);
        var school = await given.School();
        var year7 = await given.Student(school, "Y7", familyName: "Babbage");
        var year8 = await given.Student(school, "Y8", familyName: "Curie");
        var left = await given.Student(school, "Y7", left: new DateOnly(2026, 7, 20), familyName: "Darwin");
        var admin = api.Building(given.Org, school);

        async Task<Guid[]> List(string query) =>
            (await (await admin.GetAsync($"/institutions/{school}/students{query}")).ShouldBe(HttpStatusCode.OK))
            .EnumerateArray().Select(s => s.Id()).ToArray();

        Assert.Equal([year7, year8], await List(""));
        Assert.Equal([year7, year8, left], await List("?includeLeft=true"));
        Assert.Equal([year7], await List("?yearGroup=Year%207"));
        Assert.Equal([year7, left], await List("?yearGroup=Y7&includeLeft=true"));
    }

    [Fact]
    public async Task A_school_the_organisation_does_not_have_is_not_found()
    {
        var given = new Given(api);
        var unknown = Guid.NewGuid();

        var response = await api.District(given.Org).GetAsync($"/institutions/{unknown}/students");

        await response.ShouldBeProblem(HttpStatusCode.NotFound, $"School {unknown} was not found.");
    }

    [Fact]
    public async Task A_student_shows_their_classes_with_teachers_and_an_etag()
    {
        var roster = await TwoSchools.Arrange(api);

        var response = await api.District(roster.Org).GetAsync($"/students/{roster.OwnStudent}");

        var student = await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal("Ada", student.GetProperty("givenName").GetString());
        Assert.Equal("Year 7", student.GetProperty("yearGroupName").GetString());
        Assert.Equal("Northfield Academy", student.GetProperty("schoolName").GetString());
        var @class = Assert.Single(student.GetProperty("classes").EnumerateArray());
        Assert.Equal("7A Maths", @class.GetProperty("name").GetString());
        var teacher = Assert.Single(@class.GetProperty("teachers").EnumerateArray());
        Assert.Equal(roster.Teacher, teacher.Id());
        Assert.StartsWith("Sam Teacher", teacher.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_teacher_no_longer_reaches_a_student_once_their_class_is_deactivated()
    {
        var roster = await TwoSchools.Arrange(api);
        var teacher = api.Teacher(roster.Org, roster.SchoolA, roster.Teacher);
        await (await teacher.GetAsync($"/students/{roster.OwnStudent}")).ShouldBe(HttpStatusCode.OK);
        await roster.Deactivate(api, roster.TeachersClass);

        var response = await teacher.GetAsync($"/students/{roster.OwnStudent}");

        await response.ShouldBeProblem(HttpStatusCode.NotFound, $"Student {roster.OwnStudent} was not found.");
    }
}
