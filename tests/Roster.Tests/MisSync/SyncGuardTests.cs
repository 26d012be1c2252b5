using System.Net;
using System.Text.Json;
using Portal.Roster.Tests.Api;
using static Portal.Roster.Tests.MisSync.MisProducer;

namespace Portal.Roster.Tests.MisSync;

[Collection(RosterApiCollection.Name)]
public sealed class SyncGuardTests(RosterApi api)
{
    private static readonly DateTimeOffset Tuesday = Monday.AddDays(1);

    private static IEnumerable<Portal.Roster.Contracts.MisStudentRecord> Roll(int from, int to) =>
        Enumerable.Range(from, to - from + 1).Select(i => Record($"S-{i}", familyName: $"Pupil{i:00}"));

    /// <summary>A school whose MIS has synced twenty students.</summary>
    private async Task<MisProducer> SchoolOfTwenty()
    {
        var given = new Given(api);
        var mis = new MisProducer(api, given.Org, await given.School());
        await mis.Publish(mis.Batch(Monday, fullRoll: false, Roll(1, 20)));
        await mis.WaitForStudent("S-20");
        return mis;
    }

    private async Task<JsonElement> WaitForHold(MisProducer mis, string status = "Pending")
    {
        var admin = api.Building(mis.Org, mis.School);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var holds = await (await admin.GetAsync($"/institutions/{mis.School}/sync-holds")).ShouldBe(HttpStatusCode.OK);
            var hold = holds.EnumerateArray().FirstOrDefault(h => h.GetProperty("status").GetString() == status);
            if (hold.ValueKind == JsonValueKind.Object) return hold;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No {status} hold within 20 s: {holds}");
            await Task.Delay(200);
        }
    }

    private async Task<JsonElement> HeldRollMissingFour(MisProducer mis)
    {
        await mis.Publish(mis.Batch(Tuesday, fullRoll: true, [.. Roll(1, 15), Record("S-16", familyName: "Renamed")]));
        return await WaitForHold(mis);
    }

    [Fact]
    public async Task A_full_roll_missing_a_fifth_of_the_students_is_held_and_changes_nothing()
    {
        var mis = await SchoolOfTwenty();

        var hold = await HeldRollMissingFour(mis);

        Assert.Equal((16, 4, 20), (hold.GetProperty("studentsInBatch").GetInt32(), hold.GetProperty("wouldLeave").GetInt32(),
            hold.GetProperty("totalActive").GetInt32()));
        var details = await (await api.District(mis.Org).GetAsync($"/sync-holds/{hold.Id()}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(["Pupil17", "Pupil18", "Pupil19", "Pupil20"],
            details.GetProperty("wouldLeaveStudents").EnumerateArray().Select(s => s.GetProperty("familyName").GetString()!).ToArray());
        Assert.Equal(mis.StudentId("S-17"), details.GetProperty("wouldLeaveStudents")[0].GetProperty("studentId").GetGuid());
        await mis.Settled();
        Assert.True((await mis.Find("S-20"))!.Active);
        Assert.Equal("Pupil16", (await mis.Find("S-16"))!.FamilyName);
    }

    [Fact]
    public async Task Applying_a_held_roll_marks_the_missing_students_as_left_and_records_who_decided()
    {
        var mis = await SchoolOfTwenty();
        var hold = await HeldRollMissingFour(mis);
        var admin = Guid.NewGuid();

        var applied = await (await api.Building(mis.Org, mis.School, admin).PostAsync($"/sync-holds/{hold.Id()}/apply", null)).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(("Applied", admin), (applied.GetProperty("hold").GetProperty("status").GetString(),
            applied.GetProperty("hold").GetProperty("decidedBy").GetGuid()));
        Assert.Equal(4, applied.GetProperty("applied").GetProperty("left").GetInt32());
        Assert.Equal(new DateOnly(2026, 9, 8), (await mis.Find("S-17"))!.DateLeft);
        Assert.Equal("Renamed", (await mis.Find("S-16"))!.FamilyName);
        Assert.True((await mis.Find("S-15"))!.Active);
        await (await api.Building(mis.Org, mis.School).PostAsync($"/sync-holds/{hold.Id()}/reject", null))
            .ShouldBeProblem(HttpStatusCode.Conflict, "was already applied");
    }

    [Fact]
    public async Task Rejecting_a_held_roll_leaves_every_student_as_they_were()
    {
        var mis = await SchoolOfTwenty();
        var hold = await HeldRollMissingFour(mis);

        var rejected = await (await api.Customer(mis.Org).PostAsync($"/sync-holds/{hold.Id()}/reject", null)).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        for (var i = 1; i <= 20; i++)
            Assert.True((await mis.Find($"S-{i}"))!.Active);
        Assert.Equal("Pupil16", (await mis.Find("S-16"))!.FamilyName);
        await (await api.Customer(mis.Org).PostAsync($"/sync-holds/{hold.Id()}/apply", null))
            .ShouldBeProblem(HttpStatusCode.Conflict, "was already rejected");
    }

    [Fact]
    public async Task A_full_roll_missing_one_in_twenty_applies_at_once()
    {
        var mis = await SchoolOfTwenty();

        await mis.Publish(mis.Batch(Tuesday, fullRoll: true, Roll(1, 19)));

        var left = await mis.WaitForStudent("S-20", s => !s.Active);
        Assert.Equal(new DateOnly(2026, 9, 8), left.DateLeft);
        var holds = await (await api.Building(mis.Org, mis.School).GetAsync($"/institutions/{mis.School}/sync-holds")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, holds.GetArrayLength());
    }

    [Fact]
    public async Task A_record_synced_after_the_held_roll_wins_when_the_roll_is_applied()
    {
        var mis = await SchoolOfTwenty();
        var hold = await HeldRollMissingFour(mis);
        await mis.Publish(mis.Student("S-17", Tuesday.AddHours(1), familyName: "StillHere", yearGroup: "Y7"));
        await mis.WaitForStudent("S-17", s => s.FamilyName == "StillHere");

        await (await api.District(mis.Org).PostAsync($"/sync-holds/{hold.Id()}/apply", null)).ShouldBe(HttpStatusCode.OK);

        Assert.True((await mis.Find("S-17"))!.Active);
        Assert.False((await mis.Find("S-18"))!.Active);
    }

    [Fact]
    public async Task A_newer_full_roll_supersedes_an_older_held_one()
    {
        var mis = await SchoolOfTwenty();
        var older = await HeldRollMissingFour(mis);

        await mis.Publish(mis.Batch(Tuesday.AddDays(1), fullRoll: true, Roll(1, 20)));

        var superseded = await WaitForHold(mis, "Superseded");
        Assert.Equal(older.Id(), superseded.Id());
        await (await api.District(mis.Org).PostAsync($"/sync-holds/{older.Id()}/apply", null))
            .ShouldBeProblem(HttpStatusCode.Conflict, "was already superseded");
    }

    [Fact]
    public async Task Teachers_are_refused_and_another_schools_administrator_finds_nothing()
    {
        var mis = await SchoolOfTwenty();
        var hold = await HeldRollMissingFour(mis);
        var otherSchool = Guid.NewGuid();
        var teacher = api.Teacher(mis.Org, mis.School, Guid.NewGuid());

        await (await teacher.GetAsync($"/institutions/{mis.School}/sync-holds")).ShouldBeProblem(HttpStatusCode.Forbidden, "for your own classes only");
        await (await teacher.PostAsync($"/sync-holds/{hold.Id()}/apply", null)).ShouldBeProblem(HttpStatusCode.Forbidden, "whole school");
        var elsewhere = api.Building(mis.Org, otherSchool);
        await (await elsewhere.GetAsync($"/sync-holds/{hold.Id()}")).ShouldBeProblem(HttpStatusCode.NotFound, $"Sync hold {hold.Id()} was not found.");
        await (await elsewhere.PostAsync($"/sync-holds/{hold.Id()}/reject", null)).ShouldBeProblem(HttpStatusCode.NotFound, "was not found");
        await (await elsewhere.GetAsync($"/institutions/{mis.School}/sync-holds")).ShouldBeProblem(HttpStatusCode.NotFound, "was not found");
        await (await api.District(Guid.NewGuid()).GetAsync($"/sync-holds/{hold.Id()}")).ShouldBeProblem(HttpStatusCode.NotFound, "was not found");
        Assert.Equal("Pending", (await WaitForHold(mis)).GetProperty("status").GetString());
    }
}
