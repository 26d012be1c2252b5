using System.Net;
using System.Text.Json;
using Portal.Identity.Staff;
using Portal.Identity.Tests.Api;
using Portal.Roster.Contracts;
using Portal.Testing;

namespace Portal.Identity.Tests.Staff;

/// <summary>Staff rows of a OneRoster import made in Roster arrive as RosterStaffImported and are imported here.</summary>
[Collection(StaffFeaturesApiCollection.Name)]
public sealed class RosterStaffImportTests(StaffFeaturesApi api)
{
    private static ImportedStaffRow Row(int row, string sourcedId, string role, Guid school, string email) =>
        new(row, sourcedId, "active", "true", school.ToString(), role, "Ann", $"Baker{row}", email);

    private static RosterStaffImported Imported(Guid org, string actorType, Guid[] actorSchools, params ImportedStaffRow[] rows) =>
        new(org, Guid.NewGuid(), Guid.NewGuid(), actorType, actorSchools, rows, DateTimeOffset.UtcNow);

    private async Task<List<JsonElement>> Staff(Guid org) =>
        (await (await api.District(org).GetAsync("/staff")).ShouldBe(HttpStatusCode.OK)).EnumerateArray().ToList();

    [Fact]
    public async Task The_staff_rows_of_a_roster_import_create_teacher_accounts_under_the_bulk_rules()
    {
        var org = Guid.NewGuid();
        var school = await api.School(org, "Ashdown Primary");
        var domain = $"{Guid.NewGuid():N}.example";

        await api.Publish(Imported(org, "district_administrator", [],
            Row(4, "t-1", "teacher", school, $"Ann.Baker@{domain}"), Row(5, "a-1", "administrator", school, $"dee@{domain}")));

        var ann = Assert.Single(await Staff(org));
        Assert.Equal((StaffImportPlan.AccountIdFor(org, "t-1"), $"ann.baker@{domain}", "Teacher"),
            (ann.Id(), ann.GetProperty("email").GetString(), ann.GetProperty("type").GetString()));
        Assert.Equal([school], ann.GetProperty("institutions").EnumerateArray().Select(i => i.GetGuid()));
    }

    [Fact]
    public async Task The_same_rows_arriving_again_add_no_second_account()
    {
        var org = Guid.NewGuid();
        var school = await api.School(org, "Beacon Academy");
        var row = Row(2, "t-1", "teacher", school, $"ben@{Guid.NewGuid():N}.example");

        await api.Publish(Imported(org, "customer_administrator", [], row));
        await api.Publish(Imported(org, "customer_administrator", [], row));

        Assert.Equal([StaffImportPlan.AccountIdFor(org, "t-1")], (await Staff(org)).Select(a => a.Id()));
    }

    [Fact]
    public async Task A_building_administrators_rows_for_another_school_create_nothing_there()
    {
        var org = Guid.NewGuid();
        var own = await api.School(org, "Clifton High");
        var other = await api.School(org, "Dale School");
        var domain = $"{Guid.NewGuid():N}.example";

        await api.Publish(Imported(org, "building_administrator", [own],
            Row(2, "t-1", "teacher", own, $"own@{domain}"), Row(3, "t-2", "teacher", other, $"other@{domain}")));

        Assert.Equal([StaffImportPlan.AccountIdFor(org, "t-1")], (await Staff(org)).Select(a => a.Id()));
    }
}
