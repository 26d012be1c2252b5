using Portal.Testing;
using System.Net;
using Portal.Institution.Contracts;

namespace Portal.Institution.Tests.Api;

[Collection(InstitutionApiCollection.Name)]
public sealed class SupportCaseTests(InstitutionApi api)
{
    [Fact]
    public async Task An_approved_student_logins_case_switches_the_setting_on_and_publishes_it()
    {
        var org = await Given.Organisation(api);
        var school = await Given.School(api, org);
        var raised = await (await api.Building(org, school).Post($"/institutions/{school}/cases", new { yearGroups = new[] { "Y10", "Y11" }, note = "Year 10 and 11 first" }))
            .ShouldBe(HttpStatusCode.Created);
        var caseId = raised.Id();

        await (await api.Operator(actingOn: org).PostAsync($"/cases/{caseId}/approve", null)).ShouldBe(HttpStatusCode.OK);

        var settings = await (await api.District(org).GetAsync($"/institutions/{school}/settings")).ShouldBe(HttpStatusCode.OK);
        Assert.True(settings.GetProperty("studentLogins").GetProperty("enabled").GetBoolean());
        var published = await api.Published.WaitFor<StudentLoginsConfigured>(m => m.InstitutionId == school);
        Assert.Equal(org, published.OrganisationId);
        Assert.Equal(["Y10", "Y11"], published.YearGroups);
        var history = await (await api.Building(org, school).GetAsync($"/institutions/{school}/cases")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Approved", history[0].GetProperty("status").GetString());
        var events = await (await api.Building(org, school).GetAsync($"/cases/{caseId}/history")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(["student_logins_case_raised", "support_case_approved"],
            events.EnumerateArray().Select(e => e.GetProperty("event").GetString()!).ToArray());
        var operatorActs = await (await api.District(org).GetAsync($"/organisations/{org}/operator-activity")).ShouldBe(HttpStatusCode.OK);
        Assert.Contains(operatorActs.EnumerateArray(), a =>
            a.GetProperty("path").GetString() == $"/cases/{caseId}/approve" && a.GetProperty("status").GetInt32() == 200);
    }

    [Fact]
    public async Task A_rejected_case_keeps_its_reason_and_changes_nothing()
    {
        var org = await Given.Organisation(api);
        var school = await Given.School(api, org);
        var caseId = (await (await api.District(org).Post($"/institutions/{school}/cases", new { yearGroups = new[] { "Y7" } })).ShouldBe(HttpStatusCode.Created)).Id();

        var rejected = await (await api.Operator(actingOn: org).Post($"/cases/{caseId}/reject", new { reason = "Contract not signed yet" })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        Assert.Equal("Contract not signed yet", rejected.GetProperty("rejectionReason").GetString());
        var settings = await (await api.District(org).GetAsync($"/institutions/{school}/settings")).ShouldBe(HttpStatusCode.OK);
        Assert.False(settings.GetProperty("studentLogins").GetProperty("enabled").GetBoolean());
        await (await api.Operator(actingOn: org).PostAsync($"/cases/{caseId}/approve", null)).ShouldBeProblem(HttpStatusCode.Conflict, "Rejected");
    }

    [Fact]
    public async Task Only_platform_operators_decide_cases_and_they_must_name_the_organisation()
    {
        var org = await Given.Organisation(api);
        var school = await Given.School(api, org);
        var caseId = (await (await api.District(org).Post($"/institutions/{school}/cases", new { yearGroups = new[] { "Y9" } })).ShouldBe(HttpStatusCode.Created)).Id();

        await (await api.District(org).PostAsync($"/cases/{caseId}/approve", null)).ShouldBeProblem(HttpStatusCode.Forbidden, "platform operator");
        await (await api.Operator().PostAsync($"/cases/{caseId}/approve", null)).ShouldBeProblem(HttpStatusCode.BadRequest, "Portal-Organisation");
        var queue = await (await api.Operator().GetAsync("/cases?status=Open")).ShouldBe(HttpStatusCode.OK);
        var entry = queue.EnumerateArray().Single(c => c.GetProperty("case").Id() == caseId);
        Assert.Equal(org, entry.GetProperty("organisationId").GetGuid());
    }

    [Fact]
    public async Task Teachers_cannot_raise_cases()
    {
        var org = await Given.Organisation(api);
        var school = await Given.School(api, org);

        var response = await api.Teacher(org, school).Post($"/institutions/{school}/cases", new { yearGroups = new[] { "Y7" } });

        await response.ShouldBeProblem(HttpStatusCode.Forbidden, "support cases");
    }

    [Fact]
    public async Task A_case_of_another_school_answers_404_and_a_teacher_gets_the_same_403_for_any_case()
    {
        var org = await Given.Organisation(api);
        var school = await Given.School(api, org, "Raising");
        var other = await Given.School(api, org, "Other");
        var caseId = (await (await api.Building(org, school).Post($"/institutions/{school}/cases", new { yearGroups = new[] { "Y10" } }))
            .ShouldBe(HttpStatusCode.Created)).Id();

        foreach (var path in new[] { $"/cases/{caseId}", $"/cases/{caseId}/history" })
            await (await api.Building(org, other).GetAsync(path)).ShouldBeProblem(HttpStatusCode.NotFound, $"Support case {caseId} was not found.");
        var missing = Guid.NewGuid();
        await (await api.Teacher(org, school).GetAsync($"/cases/{caseId}")).ShouldBeProblem(HttpStatusCode.Forbidden, "support cases");
        await (await api.Teacher(org, school).GetAsync($"/cases/{missing}")).ShouldBeProblem(HttpStatusCode.Forbidden, "support cases");
    }
}
