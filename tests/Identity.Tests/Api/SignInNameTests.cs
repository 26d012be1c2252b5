using Portal.Testing;
using System.Net;

namespace Portal.Identity.Tests.Api;

/// <summary>The email a person signs in with is unique across organisations: the login page cannot ask which one is meant.</summary>
[Collection(IdentityApiCollection.Name)]
public sealed class SignInNameTests(IdentityApi api)
{
    [Fact]
    public async Task An_email_used_to_sign_in_in_one_organisation_cannot_be_registered_in_another()
    {
        var email = $"{Guid.NewGuid():N}@northfield.sch.uk";
        await Given.StaffAccount(api, Given.Organisation(), "Teacher", [Given.School()], email);

        var response = await api.District(Given.Organisation()).Post("/staff", new
        {
            email, givenName = "Sam", familyName = "Lee", staffType = "Teacher", institutions = new[] { Given.School() },
        });

        await response.ShouldBeProblem(HttpStatusCode.Conflict, $"The email '{email}' is already used to sign in to another account.");
    }

    [Fact]
    public async Task Editing_an_account_to_another_organisations_sign_in_email_is_refused_and_changes_nothing()
    {
        var taken = $"{Guid.NewGuid():N}@northfield.sch.uk";
        await Given.StaffAccount(api, Given.Organisation(), "Teacher", [Given.School()], taken);
        var org = Given.Organisation();
        var own = $"{Guid.NewGuid():N}@eastgate.sch.uk";
        var id = await Given.StaffAccount(api, org, "Teacher", [Given.School()], own);

        var response = await api.District(org).Put($"/staff/{id}", new { email = taken, givenName = "Alex", familyName = "Morgan" });

        await response.ShouldBeProblem(HttpStatusCode.Conflict, $"The email '{taken}' is already used to sign in to another account.");
        var account = await (await api.District(org).GetAsync($"/staff/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(own, account.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Renaming_an_account_keeps_its_sign_in_email_and_a_new_email_frees_the_old_one()
    {
        var org = Given.Organisation();
        var first = $"{Guid.NewGuid():N}@northfield.sch.uk";
        var id = await Given.StaffAccount(api, org, "Teacher", [Given.School()], first);
        var district = api.District(org);

        await (await district.Put($"/staff/{id}", new { email = first, givenName = "Alexandra", familyName = "Morgan" })).ShouldBe(HttpStatusCode.OK);
        await (await district.Put($"/staff/{id}", new { email = $"{Guid.NewGuid():N}@northfield.sch.uk", givenName = "Alexandra", familyName = "Morgan" }))
            .ShouldBe(HttpStatusCode.OK);

        // The first email is free again, in any organisation.
        await Given.StaffAccount(api, Given.Organisation(), "Teacher", [Given.School()], first);
    }
}
