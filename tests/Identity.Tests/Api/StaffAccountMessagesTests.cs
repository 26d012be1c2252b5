using Portal.Testing;
using System.Net;
using Portal.Identity.Contracts;

namespace Portal.Identity.Tests.Api;

/// <summary>Roster and other services learn of staff accounts from StaffAccountChanged, published after each change is committed.</summary>
[Collection(IdentityApiCollection.Name)]
public sealed class StaffAccountMessagesTests(IdentityApi api) : IAsyncLifetime
{
    private MessageListener listener = null!;

    public async Task InitializeAsync() =>
        listener = await MessageListener.StartAsync(api.RabbitMq, $"identity-tests-staff-{Guid.NewGuid():N}", typeof(StaffAccountChanged));

    public async Task DisposeAsync() => await listener.DisposeAsync();

    [Fact]
    public async Task Registering_editing_and_deactivating_a_teacher_each_publish_the_account_as_it_then_was()
    {
        var org = Given.Organisation();
        var school = Given.School();
        var district = api.District(org);
        var email = $"jo.baker.{Guid.NewGuid():N}@northfield.sch.uk";
        var id = await Given.StaffAccount(api, org, "Teacher", [school], email: email);

        var registered = await listener.WaitFor<StaffAccountChanged>(m => m.AccountId == id && m.Version == 1);
        Assert.Equal((org, email, "teacher", true), (registered.OrganisationId, registered.Email, registered.StaffType, registered.Active));
        Assert.Equal([school], registered.InstitutionIds);

        await (await district.Put($"/staff/{id}", new { email = "2" + email, givenName = "Jo", familyName = "Baker" }))
            .ShouldBe(HttpStatusCode.OK);
        var edited = await listener.WaitFor<StaffAccountChanged>(m => m.AccountId == id && m.Version == 2);
        Assert.Equal(("2" + email, "Jo", "Baker"), (edited.Email, edited.GivenName, edited.FamilyName));

        await (await district.PostAsync($"/staff/{id}/deactivate", null)).ShouldBe(HttpStatusCode.OK);
        var deactivated = await listener.WaitFor<StaffAccountChanged>(m => m.AccountId == id && m.Version == 3);
        Assert.False(deactivated.Active);
    }
}
