using System.Net;
using System.Text.Json;
using Portal.Roster.Guardians.Children;
using Portal.Roster.Tests.Api;

namespace Portal.Roster.Tests.GuardiansOfStudents;

/// <summary>A guardian sees the students AccessCode says they are paired with, in whichever organisation, and no one else.</summary>
[Collection(RosterApiCollection.Name)]
public sealed class MyChildrenApiTests(RosterApi api)
{
    private readonly Given given = new(api);
    private readonly AccessCodeMessages accessCode = new(api);

    private async Task<JsonElement[]> Children(Guid guardian) =>
        (await (await accessCode.Guardian(guardian).GetAsync("/me/children")).ShouldBe(HttpStatusCode.OK)).EnumerateArray().ToArray();

    private static Guid[] Ids(JsonElement[] children) => children.Select(c => c.GetProperty("studentId").GetGuid()).ToArray();

    [Fact]
    public async Task A_paired_guardian_sees_the_child_with_the_school_name_and_nothing_staff_keep()
    {
        var school = await given.School("Northfield Academy");
        var student = await given.Student(school, yearGroup: "Y7", givenName: "Ada", familyName: "Lovelace", email: "ada@northfield.example");
        var guardian = Guid.NewGuid();

        await accessCode.Paired(given.Org, school, student, guardian, version: 2);

        var child = Assert.Single(await Children(guardian));
        var view = child.Deserialize<ChildView>(HttpAssertions.Json)!;
        Assert.Equal(new ChildView(student, "Ada", "Lovelace", "Y7", "Year 7", school, "Northfield Academy", Left: false, view.Forms), view);
        Assert.Empty(view.Forms);
        Assert.Equal(0, child.GetProperty("formsAwaiting").GetInt32());
        Assert.DoesNotContain(child.EnumerateObject(), p => p.Name is "misId" or "email" or "studentInformationNumber");
        var one = await (await accessCode.Guardian(guardian).GetAsync($"/me/children/{student}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(child.ToString(), one.ToString());
    }

    [Fact]
    public async Task Children_in_two_organisations_are_both_listed()
    {
        var other = new Given(api);
        var (northfield, southfield) = (await given.School("Northfield Academy"), await other.School("Southfield Primary"));
        var (ada, ben) = (await given.Student(northfield, givenName: "Ada", familyName: "Adams"),
            await other.Student(southfield, yearGroup: "Y3", givenName: "Ben", familyName: "Brown"));
        var guardian = Guid.NewGuid();

        await accessCode.Paired(given.Org, northfield, ada, guardian, version: 2);
        await accessCode.Paired(other.Org, southfield, ben, guardian, version: 5);

        var children = await Children(guardian);
        Assert.Equal([ada, ben], Ids(children));
        Assert.Equal(["Northfield Academy", "Southfield Primary"], children.Select(c => c.GetProperty("schoolName").GetString()));
        var second = await (await accessCode.Guardian(guardian).GetAsync($"/me/children/{ben}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Southfield Primary", second.GetProperty("schoolName").GetString());
    }

    [Fact]
    public async Task A_newer_revocation_removes_the_child()
    {
        var school = await given.School();
        var (kept, revoked) = (await given.Student(school, familyName: "Kept"), await given.Student(school, familyName: "Revoked"));
        var guardian = Guid.NewGuid();
        await accessCode.Paired(given.Org, school, kept, guardian, version: 2);
        await accessCode.Paired(given.Org, school, revoked, guardian, version: 2);

        await accessCode.Revoked(given.Org, school, revoked, guardian, version: 3);

        Assert.Equal([kept], Ids(await Children(guardian)));
        await (await accessCode.Guardian(guardian).GetAsync($"/me/children/{revoked}"))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Student {revoked} is not one of your children");
    }

    [Fact]
    public async Task A_late_older_pairing_does_not_restore_a_revoked_child()
    {
        var school = await given.School();
        var student = await given.Student(school);
        var guardian = Guid.NewGuid();
        await accessCode.Paired(given.Org, school, student, guardian, version: 2);
        await accessCode.Revoked(given.Org, school, student, guardian, version: 4);

        await accessCode.Paired(given.Org, school, student, guardian, version: 2);
        await accessCode.Paired(given.Org, school, student, guardian, version: 3);

        Assert.Empty(await Children(guardian));
        await (await accessCode.Guardian(guardian).GetAsync($"/me/children/{student}")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_revocation_delivered_before_its_pairing_still_wins()
    {
        var school = await given.School();
        var student = await given.Student(school);
        var guardian = Guid.NewGuid();

        await accessCode.Revoked(given.Org, school, student, guardian, version: 3);
        await accessCode.Paired(given.Org, school, student, guardian, version: 2);

        Assert.Empty(await Children(guardian));
    }

    [Fact]
    public async Task Pairing_again_after_a_revocation_gives_access_back()
    {
        var school = await given.School();
        var student = await given.Student(school);
        var guardian = Guid.NewGuid();
        await accessCode.Paired(given.Org, school, student, guardian, version: 2);
        await accessCode.Revoked(given.Org, school, student, guardian, version: 3);

        await accessCode.Paired(given.Org, school, student, guardian, version: 5);

        Assert.Equal([student], Ids(await Children(guardian)));
    }

    [Fact]
    public async Task A_duplicate_message_changes_nothing()
    {
        var school = await given.School();
        var student = await given.Student(school);
        var guardian = Guid.NewGuid();
        var pairing = new AccessCode.Contracts.GuardianPaired(given.Org, student, school, guardian, 2, DateTimeOffset.UtcNow);
        var revocation = new AccessCode.Contracts.GuardianAccessRevoked(given.Org, student, school, guardian, Guid.NewGuid(), 3, DateTimeOffset.UtcNow);
        var first = await accessCode.Deliver(pairing);
        var revoked = await accessCode.Deliver(revocation);

        // The same delivery again (same message id), then the same pairing republished under a new id.
        await accessCode.Deliver(pairing, messageId: first);
        await accessCode.Deliver(pairing);
        await accessCode.Deliver(revocation, messageId: revoked);
        await accessCode.Paired(given.Org, school, await given.Student(school), guardian, version: 1);

        var only = Assert.Single(await Children(guardian));
        Assert.NotEqual(student, only.GetProperty("studentId").GetGuid());
    }

    [Fact]
    public async Task A_left_child_is_marked_left_and_a_deleted_one_disappears()
    {
        var school = await given.School();
        var (left, deleted) = (await given.Student(school, familyName: "Left", left: new DateOnly(2026, 7, 20)),
            await given.Student(school, familyName: "Deleted", left: new DateOnly(2026, 7, 20)));
        var guardian = Guid.NewGuid();
        await accessCode.Paired(given.Org, school, left, guardian, version: 2);
        await accessCode.Paired(given.Org, school, deleted, guardian, version: 2);

        await (await api.District(given.Org).DeleteAsync($"/students/{deleted}")).ShouldBe(HttpStatusCode.NoContent);

        var child = Assert.Single(await Children(guardian));
        Assert.Equal((left, true), (child.GetProperty("studentId").GetGuid(), child.GetProperty("left").GetBoolean()));
        await (await accessCode.Guardian(guardian).GetAsync($"/me/children/{deleted}")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_guardian_sees_nothing_of_someone_elses_child()
    {
        var school = await given.School();
        var student = await given.Student(school);
        await accessCode.Paired(given.Org, school, student, Guid.NewGuid(), version: 2);
        var stranger = Guid.NewGuid();

        Assert.Empty(await Children(stranger));
        await (await accessCode.Guardian(stranger).GetAsync($"/me/children/{student}"))
            .ShouldBeProblem(HttpStatusCode.NotFound, "not one of your children");
    }

    [Fact]
    public async Task Staff_and_students_are_refused_with_a_clear_message()
    {
        var school = await given.School();
        var student = await given.Student(school);

        foreach (var client in new[] { api.District(given.Org), api.Teacher(given.Org, school, Guid.NewGuid()), api.Student(given.Org, school, student) })
        {
            await (await client.GetAsync("/me/children")).ShouldBeProblem(HttpStatusCode.Forbidden, "Only a parent/guardian account");
            await (await client.GetAsync($"/me/children/{student}")).ShouldBeProblem(HttpStatusCode.Forbidden, "Only a parent/guardian account");
        }
    }
}
