using System.Net;
using Portal.AccessCode.Contracts;
using Portal.AccessCode.Tests.Api;
using Portal.AccessCode.Tests.PairingApi;

namespace Portal.AccessCode.Tests.GuardiansApi;

/// <summary>Revoking ends a guardian's access to the chosen students and resets their codes.</summary>
[Collection(AccessCodeApiCollection.Name)]
public sealed class RevokeTests(AccessCodeApi api)
{
    private readonly Given given = new(api);

    [Fact]
    public async Task Revoking_ends_access_publishes_it_replaces_the_code_and_the_new_code_pairs_someone_else()
    {
        var school = await given.School();
        var student = await given.Student(school);
        var kept = await given.Student(school, givenName: "Alan");
        var code = await given.Code(student);
        var guardianId = await given.Guardian();
        var guardian = api.GuardianAt(guardianId);
        await guardian.PairOk(code);
        await guardian.PairOk(await given.Code(kept));
        var actor = Guid.NewGuid();

        var response = await api.Building(given.Org, school, actor).Post($"/guardians/{guardianId}/revoke", new { studentIds = new[] { student } });

        var revoked = Assert.Single((await response.ShouldBe(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(student, revoked.GetProperty("studentId").GetGuid());
        var newCode = revoked.GetProperty("newCode").GetString()!;
        Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$", newCode);
        var published = await api.Bus.WaitFor<GuardianAccessRevoked>(m => m.GuardianId == guardianId && m.StudentId == student);
        Assert.Equal(given.Org, published.OrganisationId);
        Assert.Equal(school, published.SchoolId);
        Assert.Equal(actor, published.ActorId);
        Assert.Equal(kept, Assert.Single(await guardian.MyStudents()).GetProperty("studentId").GetGuid());

        await (await guardian.Pair(code)).ShouldBeProblem(HttpStatusCode.Conflict, "replaced");
        await (await api.GuardianAt(await given.Guardian()).Pair(code)).ShouldBeProblem(HttpStatusCode.Conflict, "replaced");
        var newcomer = api.GuardianAt(await given.Guardian());
        await newcomer.PairOk(Pairings.Typed(newCode));
        Assert.Equal(student, Assert.Single(await newcomer.MyStudents()).GetProperty("studentId").GetGuid());
    }

    [Fact]
    public async Task Revoking_a_student_the_guardian_is_not_paired_with_changes_nothing()
    {
        var school = await given.School();
        var paired = await given.Student(school);
        var notPaired = await given.Student(school, givenName: "Alan");
        await given.Code(notPaired);
        var code = await given.Code(paired);
        var guardianId = await given.Guardian();
        var guardian = api.GuardianAt(guardianId);
        await guardian.PairOk(code);

        var response = await api.District(given.Org).Post($"/guardians/{guardianId}/revoke", new { studentIds = new[] { paired, notPaired } });

        await response.ShouldBeProblem(HttpStatusCode.NotFound, $"not paired with student {notPaired}");
        Assert.Equal(paired, Assert.Single(await guardian.MyStudents()).GetProperty("studentId").GetGuid());
        // The code was not reset: it still pairs.
        await api.GuardianAt(await given.Guardian()).PairOk(code);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(api.Bus.All<GuardianAccessRevoked>(), m => m.GuardianId == guardianId);
    }

    [Fact]
    public async Task Revoking_needs_every_student_within_reach()
    {
        var schoolA = await given.School();
        var schoolB = await given.School("Southgate School");
        var atA = await given.Student(schoolA);
        var atB = await given.Student(schoolB);
        var guardianId = await given.Guardian();
        var guardian = api.GuardianAt(guardianId);
        await guardian.PairOk(await given.Code(atA));
        await guardian.PairOk(await given.Code(atB));

        var response = await api.Building(given.Org, schoolA).Post($"/guardians/{guardianId}/revoke", new { studentIds = new[] { atA, atB } });

        await response.ShouldBeProblem(HttpStatusCode.NotFound, $"Student {atB} was not found");
        Assert.Equal(2, (await guardian.MyStudents()).Length);
        await (await api.District(new Given(api).Org).Post($"/guardians/{guardianId}/revoke", new { studentIds = new[] { atA } }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "was not found");
    }

    [Fact]
    public async Task Revoking_names_at_least_one_student()
    {
        var guardian = await given.Guardian();

        await (await api.District(given.Org).Post($"/guardians/{guardian}/revoke", new { studentIds = Array.Empty<Guid>() }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "at least one student");
        await (await api.District(given.Org).Post($"/guardians/{guardian}/revoke", new { }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "at least one student");
    }

    [Fact]
    public async Task Teachers_do_not_revoke()
    {
        var school = await given.School();
        var student = await given.Student(school);
        var guardian = await given.Guardian();
        await api.GuardianAt(guardian).PairOk(await given.Code(student));
        var teacher = Guid.NewGuid();
        await given.Class(school, [teacher], [student]);

        await (await api.Teacher(given.Org, school, teacher).Post($"/guardians/{guardian}/revoke", new { studentIds = new[] { student } }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "Enable parent/guardian login");
    }
}
