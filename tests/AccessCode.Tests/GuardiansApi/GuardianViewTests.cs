using System.Net;
using Portal.AccessCode.Tests.Api;
using Portal.AccessCode.Tests.PairingApi;

namespace Portal.AccessCode.Tests.GuardiansApi;

/// <summary>Staff see a guardian's students within their reach by name; all the others only as a count.</summary>
[Collection(AccessCodeApiCollection.Name)]
public sealed class GuardianViewTests(AccessCodeApi api)
{
    private readonly Given given = new(api);

    /// <summary>A guardian paired with a student at school A, one at school B and one in another organisation.</summary>
    private async Task<(Guid Guardian, Guid SchoolA, Guid AtA, Guid SchoolB)> GuardianOfThree()
    {
        var schoolA = await given.School("Northfield Academy");
        var schoolB = await given.School("Southgate School");
        var atA = await given.Student(schoolA, givenName: "Ada", familyName: "Lovelace");
        var atB = await given.Student(schoolB, givenName: "Alan", familyName: "Turing");
        var elsewhere = new Given(api);
        var inOther = await elsewhere.Student(await elsewhere.School("Eastfield School"), givenName: "Grace", familyName: "Murray");
        var guardian = await given.Guardian("Mary", "Somerville");
        var client = api.GuardianAt(guardian);
        await client.PairOk(await given.Code(atA));
        await client.PairOk(await given.Code(atB));
        await client.PairOk(await elsewhere.Code(inOther));
        return (guardian, schoolA, atA, schoolB);
    }

    [Fact]
    public async Task A_building_administrator_sees_the_student_of_their_school_by_name_and_only_counts_the_others()
    {
        var (guardian, schoolA, atA, _) = await GuardianOfThree();

        var response = await api.Building(given.Org, schoolA).GetAsync($"/guardians/{guardian}");

        var view = await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(guardian, view.GetProperty("guardianId").GetGuid());
        Assert.Equal("Mary Somerville", view.GetProperty("name").GetString());
        Assert.Equal($"guardian-{guardian:N}@home.example", view.GetProperty("email").GetString());
        var student = Assert.Single(view.GetProperty("students").EnumerateArray());
        Assert.Equal(atA, student.GetProperty("studentId").GetGuid());
        Assert.Equal("Ada Lovelace", student.GetProperty("name").GetString());
        Assert.Equal(schoolA, student.GetProperty("schoolId").GetGuid());
        Assert.Equal("Northfield Academy", student.GetProperty("schoolName").GetString());
        Assert.Equal(2, view.GetProperty("otherStudents").GetInt32());
        var text = view.GetRawText();
        Assert.DoesNotContain("Turing", text);
        Assert.DoesNotContain("Southgate", text);
        Assert.DoesNotContain("Murray", text);
    }

    [Fact]
    public async Task A_district_administrator_sees_every_student_of_the_organisation_and_counts_the_other_organisation()
    {
        var (guardian, _, _, _) = await GuardianOfThree();

        var view = await (await api.District(given.Org).GetAsync($"/guardians/{guardian}")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(2, view.GetProperty("students").GetArrayLength());
        Assert.Equal(1, view.GetProperty("otherStudents").GetInt32());
    }

    [Fact]
    public async Task A_teacher_sees_the_student_of_their_class_and_counts_the_rest()
    {
        var (guardian, schoolA, atA, _) = await GuardianOfThree();
        var teacher = Guid.NewGuid();
        await given.Class(schoolA, [teacher], [atA]);

        var view = await (await api.Teacher(given.Org, schoolA, teacher).GetAsync($"/guardians/{guardian}")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(atA, Assert.Single(view.GetProperty("students").EnumerateArray()).GetProperty("studentId").GetGuid());
        Assert.Equal(2, view.GetProperty("otherStudents").GetInt32());
    }

    [Fact]
    public async Task Staff_who_reach_none_of_the_guardians_students_do_not_find_the_guardian()
    {
        var (guardian, schoolA, _, _) = await GuardianOfThree();
        var schoolC = await given.School("Westbrook School");

        await (await api.Building(given.Org, schoolC).GetAsync($"/guardians/{guardian}"))
            .ShouldBeProblem(HttpStatusCode.NotFound, $"Guardian {guardian} was not found");
        // A teacher of the school who teaches none of the students.
        await (await api.Teacher(given.Org, schoolA, Guid.NewGuid()).GetAsync($"/guardians/{guardian}"))
            .ShouldBeProblem(HttpStatusCode.NotFound, "was not found");
    }

    [Fact]
    public async Task Another_organisation_does_not_find_the_guardian()
    {
        var guardian = await given.Guardian();
        var student = await given.Student(await given.School());
        await api.GuardianAt(guardian).PairOk(await given.Code(student));
        var stranger = new Given(api);

        await (await api.District(stranger.Org).GetAsync($"/guardians/{guardian}")).ShouldBeProblem(HttpStatusCode.NotFound, "was not found");
        await (await api.Operator(stranger.Org).GetAsync($"/guardians/{guardian}")).ShouldBeProblem(HttpStatusCode.NotFound, "was not found");
        await (await api.Operator(given.Org).GetAsync($"/guardians/{guardian}")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_guardian_without_pairings_is_not_found()
    {
        var guardian = await given.Guardian();

        await (await api.District(given.Org).GetAsync($"/guardians/{guardian}")).ShouldBeProblem(HttpStatusCode.NotFound, "was not found");
    }
}
