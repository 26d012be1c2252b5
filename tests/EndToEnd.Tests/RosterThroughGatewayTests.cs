using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.AppHost.DemoData;
using Portal.MisSync;

namespace Portal.EndToEnd.Tests;

/// <summary>Roster fed by an MIS producer over RabbitMQ and read only through the gateway, with tokens from Identity's login page.</summary>
[Collection(PortalSystemCollection.Name)]
public sealed class RosterThroughGatewayTests(PortalSystemFixture fixture)
{
    private readonly Clients clients = new(fixture);

    [Fact]
    public async Task The_MIS_producer_publishes_a_schools_roll_and_the_students_appear_through_the_gateway()
    {
        var (org, school, admin) = await clients.SchoolAsync("Brookside Trust", "Brookside Academy", "170001");
        var students = $"/roster/institutions/{school}/students";

        var published = await new MisRollPublisher(fixture.System.RabbitMqUri).PublishFolderAsync(
            new MisRollRequest(org, school, Waiting.DemoRollFor(school), FullRoll: true));

        Assert.Equal(RosterDemoData.Students, published.Students);
        await Waiting.Until(async () => (await admin.GetFromJsonAsync<JsonElement>(students)).GetArrayLength() == RosterDemoData.Students,
            "the roll to appear");
        var roll = await admin.GetFromJsonAsync<JsonElement>(students);
        var amara = roll.EnumerateArray().Single(s => s.GetProperty("givenName").GetString() == "Amara");
        Assert.Equal("Okoye", amara.GetProperty("familyName").GetString());
        Assert.Equal("Y10", amara.GetProperty("yearGroup").GetString());
        Assert.Equal("amara.okoye" + Waiting.StudentEmailDomainOf(school), amara.GetProperty("email").GetString());
        // Classes follow the students in the producer's order; they may still be on their way.
        await Waiting.Until(async () => (await admin.GetFromJsonAsync<JsonElement>($"/roster/institutions/{school}/classes")).GetArrayLength() == 3,
            "the roll's classes to appear");
        var classes = await admin.GetFromJsonAsync<JsonElement>($"/roster/institutions/{school}/classes");
        Assert.Equal(["10A English", "11B Maths", "7C Science"],
            classes.EnumerateArray().Select(c => c.GetProperty("name").GetString()!).Order().ToArray());

        // Another organisation's staff cannot reach the school's students.
        var (_, strangerEmail) = await clients.DistrictAdministratorAsync(Guid.NewGuid());
        var stranger = clients.Bearer(await clients.SignInAsync(strangerEmail));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/roster/students/{amara.GetProperty("id").GetGuid()}")).StatusCode);
    }
}
