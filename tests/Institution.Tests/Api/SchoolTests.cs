using Portal.Testing;
using System.Net;
using Portal.Institution.Contracts;

namespace Portal.Institution.Tests.Api;

[Collection(InstitutionApiCollection.Name)]
public sealed class SchoolTests(InstitutionApi api)
{
    [Fact]
    public async Task A_registered_school_has_default_year_groups_and_is_published()
    {
        var org = await Given.Organisation(api);
        var school = await Given.School(api, org, "Hillside Academy", "140001");

        var yearGroups = await (await api.District(org).GetAsync($"/institutions/{school}/year-groups")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(14, yearGroups.GetArrayLength());
        Assert.Equal("R", yearGroups[0].GetProperty("id").GetString());

        var published = await api.Published.WaitFor<InstitutionRegistered>(m => m.InstitutionId == school);
        Assert.Equal(org, published.OrganisationId);
        Assert.Equal("Hillside Academy", published.Name);
        Assert.Equal("140001", published.Code);
    }

    [Fact]
    public async Task A_school_code_is_unique_within_the_organisation()
    {
        var org = await Given.Organisation(api);
        await Given.School(api, org, "First", "200001");

        var response = await api.District(org).Post($"/organisations/{org}/institutions", new { name = "Second", code = "200001", phase = "Secondary" });

        await response.ShouldBeProblem(HttpStatusCode.Conflict, "already used by 'First'");
    }

    [Fact]
    public async Task Building_administrators_see_only_their_own_school()
    {
        var org = await Given.Organisation(api);
        var mine = await Given.School(api, org, "Mine");
        var other = await Given.School(api, org, "Other");

        var list = await (await api.Building(org, mine).GetAsync($"/organisations/{org}/institutions")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal([mine], list.EnumerateArray().Select(s => s.Id()).ToArray());
        // Another school of the organisation answers exactly as one that does not exist.
        foreach (var school in new[] { other, Guid.NewGuid() })
        foreach (var path in new[] { $"/institutions/{school}", $"/institutions/{school}/settings", $"/institutions/{school}/year-groups" })
            await (await api.Building(org, mine).GetAsync(path)).ShouldBeProblem(HttpStatusCode.NotFound, $"School {school} was not found.");
    }

    [Fact]
    public async Task Only_district_and_customer_administrators_edit_school_information()
    {
        var org = await Given.Organisation(api);
        var school = await Given.School(api, org);
        var edit = new { name = "Renamed Primary", code = "300001", phase = "Primary" };

        await (await api.Building(org, school).Put($"/institutions/{school}", edit)).ShouldBeProblem(HttpStatusCode.Forbidden, "Editing school information");
        await (await api.Teacher(org, school).Put($"/institutions/{school}", edit)).ShouldBeProblem(HttpStatusCode.Forbidden, "Editing school information");
        var edited = await (await api.Customer(org).Put($"/institutions/{school}", edit)).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("Renamed Primary", edited.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Settings_change_through_their_own_endpoints_and_visibility_is_published()
    {
        var org = await Given.Organisation(api);
        var school = await Given.School(api, org);
        var district = api.District(org);

        await (await district.Put($"/institutions/{school}/settings/student-portal", new { visiblePages = new[] { "dashboard", "timetable", "homework" } }))
            .ShouldBe(HttpStatusCode.NoContent);
        await (await district.Put($"/institutions/{school}/settings/student-information-number", new { required = true, minimumLength = 6, numericOnly = true }))
            .ShouldBe(HttpStatusCode.NoContent);
        await (await district.Put($"/institutions/{school}/settings/teacher-student-creation", new { allowed = true })).ShouldBe(HttpStatusCode.NoContent);
        await (await district.Put($"/institutions/{school}/settings/staff-two-factor", new { required = true })).ShouldBe(HttpStatusCode.NoContent);

        var settings = await (await district.GetAsync($"/institutions/{school}/settings")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(3, settings.GetProperty("studentPortal").GetProperty("visiblePages").GetArrayLength());
        Assert.Equal(6, settings.GetProperty("studentInformationNumber").GetProperty("minimumLength").GetInt32());
        Assert.True(settings.GetProperty("teacherStudentCreationAllowed").GetBoolean());
        Assert.True(settings.GetProperty("staffTwoFactorRequired").GetBoolean());
        var published = await api.Published.WaitFor<StudentPortalVisibilityChanged>(m => m.InstitutionId == school);
        Assert.Equal(["dashboard", "timetable", "homework"], published.VisiblePages);
        // Roster enforces these on students staff enter by hand; the message carries the whole set after the last change.
        var rules = await api.Published.WaitFor<StudentRosterRulesChanged>(m => m.InstitutionId == school && m.TeacherStudentCreationAllowed);
        Assert.Equal((org, true, 6, true), (rules.OrganisationId, rules.StudentInformationNumberRequired,
            rules.StudentInformationNumberMinimumLength, rules.StudentInformationNumberNumericOnly));
    }

    [Fact]
    public async Task An_unknown_student_page_is_refused_by_name()
    {
        var org = await Given.Organisation(api);
        var school = await Given.School(api, org);

        var response = await api.District(org).Put($"/institutions/{school}/settings/student-portal", new { visiblePages = new[] { "dashboard", "casino" } });

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "casino");
    }

    [Fact]
    public async Task Only_district_administrators_allow_teachers_to_create_students()
    {
        var org = await Given.Organisation(api);
        var school = await Given.School(api, org);

        var response = await api.Customer(org).Put($"/institutions/{school}/settings/teacher-student-creation", new { allowed = true });

        await response.ShouldBeProblem(HttpStatusCode.Forbidden, "Allowing/restricting student account creation by teachers");
    }

    [Fact]
    public async Task Student_logins_cannot_be_switched_on_directly_by_school_staff()
    {
        var org = await Given.Organisation(api);
        var school = await Given.School(api, org);

        var response = await api.District(org).Put($"/institutions/{school}/settings/student-logins", new { enabled = true, yearGroups = new[] { "Y10" } });

        await response.ShouldBeProblem(HttpStatusCode.Forbidden, "support case");
    }
}
