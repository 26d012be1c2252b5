using Portal.Testing;
using System.Net;

namespace Portal.Identity.Tests.Api;

[Collection(IdentityApiCollection.Name)]
public sealed class StaffAccountTests(IdentityApi api)
{
    [Fact]
    public async Task A_district_administrator_registers_a_teacher_and_reads_it()
    {
        var org = Given.Organisation();
        var school = Given.School();
        var district = api.District(org);

        var created = await district.Post("/staff", new
        {
            email = " Jo.Baker@Northfield.sch.uk ",
            givenName = "Jo",
            familyName = "Baker",
            staffType = "Teacher",
            institutions = new[] { school },
        });
        var body = await created.ShouldBe(HttpStatusCode.Created);
        var id = body.Id();
        Assert.Equal($"/staff/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);

        var read = await district.GetAsync($"/staff/{id}");
        var account = await read.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("jo.baker@northfield.sch.uk", account.GetProperty("email").GetString());
        Assert.Equal("Teacher", account.GetProperty("type").GetString());
        Assert.Equal(org, account.GetProperty("organisationId").GetGuid());
        Assert.True(account.GetProperty("active").GetBoolean());
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);

        var list = await (await district.GetAsync("/staff")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal([id], list.EnumerateArray().Select(a => a.Id()));
    }

    [Fact]
    public async Task A_building_administrator_cannot_deactivate_another_building_administrator()
    {
        var org = Given.Organisation();
        var school = Given.School();
        var other = await Given.StaffAccount(api, org, "BuildingAdministrator", [school]);

        var response = await api.Building(org, school).PostAsync($"/staff/{other}/deactivate", null);

        await response.ShouldBeProblem(HttpStatusCode.Forbidden,
            "Building Administrators may deactivate only teachers, not Building Administrators.");
        var account = await (await api.District(org).GetAsync($"/staff/{other}")).ShouldBe(HttpStatusCode.OK);
        Assert.True(account.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task A_building_administrator_deactivates_and_activates_a_teacher_of_their_school()
    {
        var org = Given.Organisation();
        var school = Given.School();
        var teacher = await Given.StaffAccount(api, org, "Teacher", [school]);
        var building = api.Building(org, school);

        var deactivated = await (await building.PostAsync($"/staff/{teacher}/deactivate", null)).ShouldBe(HttpStatusCode.OK);
        Assert.False(deactivated.GetProperty("active").GetBoolean());
        var activated = await (await building.PostAsync($"/staff/{teacher}/activate", null)).ShouldBe(HttpStatusCode.OK);
        Assert.True(activated.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task A_teacher_edits_only_their_own_account()
    {
        var org = Given.Organisation();
        var school = Given.School();
        var self = await Given.StaffAccount(api, org, "Teacher", [school]);
        var colleague = await Given.StaffAccount(api, org, "Teacher", [school]);
        var teacher = api.Teacher(org, school, subject: self);
        var edit = new { email = "sam.reid@northfield.sch.uk", givenName = "Sam", familyName = "Reid" };

        var own = await (await teacher.Put($"/staff/{self}", edit)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Sam", own.GetProperty("givenName").GetString());

        // A colleague's account is outside a teacher's view: it answers as one that does not exist, for every change.
        await (await teacher.Put($"/staff/{colleague}", edit with { email = "other@northfield.sch.uk" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Staff account {colleague} was not found.");
        foreach (var change in new[] { "activate", "deactivate" })
            await (await teacher.PostAsync($"/staff/{colleague}/{change}", null))
                .ShouldBeProblem(HttpStatusCode.NotFound, $"Staff account {colleague} was not found.");
        await (await teacher.GetAsync($"/staff/{colleague}")).ShouldBeProblem(HttpStatusCode.NotFound, $"Staff account {colleague} was not found.");
        var list = await (await teacher.GetAsync("/staff")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal([self], list.EnumerateArray().Select(a => a.Id()));
    }

    [Fact]
    public async Task An_email_already_used_in_the_organisation_conflicts_naming_it()
    {
        var org = Given.Organisation();
        var school = Given.School();
        var email = $"pat.lee.{Guid.NewGuid():N}@northfield.sch.uk";
        await Given.StaffAccount(api, org, "Teacher", [school], email: email);
        var second = await Given.StaffAccount(api, org, "Teacher", [school]);
        var district = api.District(org);

        await (await district.Post("/staff", new
            {
                email = email.ToUpperInvariant(), givenName = "Pat", familyName = "Lee", staffType = "Teacher", institutions = new[] { school },
            }))
            .ShouldBeProblem(HttpStatusCode.Conflict, $"A staff account with the email '{email}' already exists in this organisation.");
        await (await district.Put($"/staff/{second}", new { email, givenName = "Pat", familyName = "Lee" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, $"A staff account with the email '{email}' already exists in this organisation.");
        // Sign-in emails are unique across organisations too: SignInNameTests.
    }

    [Fact]
    public async Task Another_organisations_account_is_not_found()
    {
        var school = Given.School();
        var account = await Given.StaffAccount(api, Given.Organisation(), "Teacher", [school]);
        var stranger = api.District(Given.Organisation());

        await (await stranger.GetAsync($"/staff/{account}")).ShouldBeProblem(HttpStatusCode.NotFound, account.ToString());
        await (await stranger.Put($"/staff/{account}", new { email = "x@northfield.sch.uk", givenName = "X", familyName = "Y" }))
            .ShouldBeProblem(HttpStatusCode.NotFound, account.ToString());
        await (await stranger.PostAsync($"/staff/{account}/deactivate", null)).ShouldBeProblem(HttpStatusCode.NotFound, account.ToString());
        var list = await (await stranger.GetAsync("/staff")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, list.GetArrayLength());
    }

    [Fact]
    public async Task A_stale_if_match_is_refused()
    {
        var org = Given.Organisation();
        var account = await Given.StaffAccount(api, org, "Teacher", [Given.School()]);
        var district = api.District(org);
        await (await district.Put($"/staff/{account}", new { email = "a@northfield.sch.uk", givenName = "A", familyName = "B" }))
            .ShouldBe(HttpStatusCode.OK);

        var request = new HttpRequestMessage(HttpMethod.Post, $"/staff/{account}/deactivate");
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await (await district.SendAsync(request)).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "version 1");
    }

    [Fact]
    public async Task Without_a_token_the_answer_is_a_401_problem()
    {
        var response = await api.Anonymous().GetAsync("/staff");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
