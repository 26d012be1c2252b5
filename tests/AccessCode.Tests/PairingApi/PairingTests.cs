using System.Net;
using Portal.AccessCode.Contracts;
using Portal.AccessCode.Tests.Api;

namespace Portal.AccessCode.Tests.PairingApi;

[Collection(AccessCodeApiCollection.Name)]
public sealed class PairingTests(AccessCodeApi api)
{
    private readonly Given given = new(api);

    [Fact]
    public async Task A_guardian_pairs_with_a_code_typed_in_small_letters_with_spaces_and_the_pairing_is_published()
    {
        var school = await given.School("Northfield Academy");
        var student = await given.Student(school, givenName: "Ada", familyName: "Lovelace");
        var code = await given.Code(student);
        var guardian = await given.Guardian();

        var paired = await api.GuardianAt(guardian).PairOk(Pairings.Typed(code));

        Assert.Equal(student, paired.GetProperty("studentId").GetGuid());
        Assert.Equal("Ada Lovelace", paired.GetProperty("studentName").GetString());
        Assert.Equal(school, paired.GetProperty("schoolId").GetGuid());
        Assert.Equal("Northfield Academy", paired.GetProperty("schoolName").GetString());
        Assert.False(paired.GetProperty("alreadyPaired").GetBoolean());
        Assert.True(paired.GetProperty("pairedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
        var published = await api.Bus.WaitFor<GuardianPaired>(m => m.GuardianId == guardian && m.StudentId == student);
        Assert.Equal(given.Org, published.OrganisationId);
        Assert.Equal(school, published.SchoolId);
    }

    [Fact]
    public async Task Pairing_again_is_harmless_and_publishes_nothing_new()
    {
        var student = await given.Student(await given.School());
        var code = await given.Code(student);
        var guardian = await given.Guardian();
        var client = api.GuardianAt(guardian);
        var first = await client.PairOk(code);
        await api.Bus.WaitFor<GuardianPaired>(m => m.GuardianId == guardian);

        var again = await client.PairOk(Pairings.Typed(code));

        Assert.True(again.GetProperty("alreadyPaired").GetBoolean());
        Assert.Equal(first.GetProperty("pairedAt").GetDateTimeOffset(), again.GetProperty("pairedAt").GetDateTimeOffset());
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(api.Bus.All<GuardianPaired>(), m => m.GuardianId == guardian);
        Assert.Single(await client.MyStudents());
    }

    [Fact]
    public async Task One_guardian_pairs_with_students_of_two_organisations_and_sees_both()
    {
        var other = new Given(api);
        var here = await given.Student(await given.School("Northfield Academy"), givenName: "Ada");
        var there = await other.Student(await other.School("Southgate School"), givenName: "Alan", familyName: "Turing");
        var guardian = await given.Guardian();
        var client = api.GuardianAt(guardian);
        await client.PairOk(await given.Code(here));
        await client.PairOk(await other.Code(there));

        var students = await client.MyStudents();

        Assert.Equal(2, students.Length);
        var first = Assert.Single(students, s => s.GetProperty("studentId").GetGuid() == here);
        Assert.Equal("Ada Lovelace", first.GetProperty("studentName").GetString());
        Assert.Equal("Northfield Academy", first.GetProperty("schoolName").GetString());
        Assert.Equal(given.Org, first.GetProperty("organisationId").GetGuid());
        var second = Assert.Single(students, s => s.GetProperty("studentId").GetGuid() == there);
        Assert.Equal("Alan Turing", second.GetProperty("studentName").GetString());
        Assert.Equal("Southgate School", second.GetProperty("schoolName").GetString());
        Assert.Equal(other.Org, second.GetProperty("organisationId").GetGuid());
    }

    [Fact]
    public async Task A_code_serves_a_second_guardian_until_it_is_reset_and_the_first_keeps_access_after_the_reset()
    {
        var student = await given.Student(await given.School());
        var code = await given.Code(student);
        var first = api.GuardianAt(await given.Guardian());
        var second = api.GuardianAt(await given.Guardian());
        await first.PairOk(code);
        await second.PairOk(code);

        await api.ResetCode(given.Org, student);
        var third = api.GuardianAt(await given.Guardian());

        var refused = await (await third.Pair(code)).ShouldBeProblem(HttpStatusCode.Conflict, "replaced");
        Assert.DoesNotContain("Ada", refused.GetRawText());
        Assert.Empty(await third.MyStudents());
        Assert.Equal(student, Assert.Single(await first.MyStudents()).GetProperty("studentId").GetGuid());
        Assert.Equal(student, Assert.Single(await second.MyStudents()).GetProperty("studentId").GetGuid());
    }

    [Fact]
    public async Task The_new_code_after_a_reset_pairs()
    {
        var student = await given.Student(await given.School());
        await given.Code(student);
        var code = await api.ResetCode(given.Org, student);

        var paired = await api.GuardianAt(await given.Guardian()).PairOk(code);

        Assert.Equal(student, paired.GetProperty("studentId").GetGuid());
    }

    [Fact]
    public async Task A_well_formed_code_nobody_was_given_is_not_found_and_names_nothing()
    {
        await given.Code(await given.Student(await given.School("Northfield Academy")));
        var guardian = api.GuardianAt(await given.Guardian());

        var problem = await (await guardian.Pair("2345-6789-ABCD")).ShouldBeProblem(HttpStatusCode.NotFound, "no such access code");

        Assert.DoesNotContain("Northfield", problem.GetRawText());
    }

    [Theory]
    [InlineData("K7QM-2XPD")]
    [InlineData("K7QM-2XPD-9HT0")]
    [InlineData("")]
    public async Task A_code_that_cannot_be_a_code_is_refused_saying_what_a_code_looks_like(string entered)
    {
        var guardian = api.GuardianAt(await given.Guardian());

        var problem = await (await guardian.Pair(entered)).ShouldBeProblem(HttpStatusCode.BadRequest, "12 letters and digits");

        Assert.True(problem.GetProperty("errors").TryGetProperty("code", out _));
    }

    [Fact]
    public async Task The_code_of_a_student_who_has_left_does_not_pair()
    {
        var school = await given.School();
        var student = await given.Student(school);
        var code = await given.Code(student);
        await api.StudentLeft(given.Org, student, school);
        var guardian = api.GuardianAt(await given.Guardian());

        await (await guardian.Pair(code)).ShouldBeProblem(HttpStatusCode.Conflict, "has left");

        Assert.Empty(await guardian.MyStudents());
    }

    [Fact]
    public async Task Staff_and_students_do_not_pair_nor_have_paired_students()
    {
        var school = await given.School();
        var student = await given.Student(school);
        var code = await given.Code(student);

        await (await api.District(given.Org).Pair(code)).ShouldBeProblem(HttpStatusCode.Forbidden, "parent/guardian");
        await (await api.Student(given.Org, school, student).Pair(code)).ShouldBeProblem(HttpStatusCode.Forbidden, "parent/guardian");
        await (await api.Building(given.Org, school).GetAsync("/me/students")).ShouldBeProblem(HttpStatusCode.Forbidden, "parent/guardian");
    }
}
