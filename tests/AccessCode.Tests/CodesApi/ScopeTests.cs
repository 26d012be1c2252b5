using System.Net;
using Portal.AccessCode.Tests.Api;
using static Portal.AccessCode.Tests.CodesApi.PortalAccess;

namespace Portal.AccessCode.Tests.CodesApi;

/// <summary>Who may view, enable and reset whose codes: out of reach answers 404, a missing permission 403.</summary>
[Collection(AccessCodeApiCollection.Name)]
public sealed class ScopeTests(AccessCodeApi api)
{
    private readonly Given given = new(api);

    [Fact]
    public async Task District_and_customer_administrators_reach_students_of_any_school()
    {
        var north = await given.School();
        var south = await given.School("Southfield School");
        var first = await given.Student(north);
        var second = await given.Student(south);

        await Enabled(api.District(given.Org), first);
        await Enabled(api.Customer(given.Org), second);
        await (await api.Customer(given.Org).GetAsync(View(first))).ShouldBe(HttpStatusCode.OK);
        await (await api.District(given.Org).PostAsync(Reset(second), null)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_building_administrator_reaches_only_their_own_school()
    {
        var own = await given.School();
        var other = await given.School("Southfield School");
        var ours = await given.Student(own);
        var theirs = await given.Student(other);
        await given.Code(theirs);
        var building = api.Building(given.Org, own);

        await Enabled(building, ours);
        await (await building.PostAsync(Reset(ours), null)).ShouldBe(HttpStatusCode.OK);
        await (await building.GetAsync(View(theirs))).ShouldBeProblem(HttpStatusCode.NotFound, $"Student {theirs} was not found");
        await (await building.PostAsync(Reset(theirs), null)).ShouldBeProblem(HttpStatusCode.NotFound, "was not found");
        await (await building.GetAsync(History(theirs))).ShouldBeProblem(HttpStatusCode.NotFound, "was not found");
    }

    [Fact]
    public async Task A_teacher_sees_their_class_students_read_only_and_nobody_else()
    {
        var school = await given.School();
        var taught = await given.Student(school);
        var untaught = await given.Student(school);
        var teacherId = Guid.NewGuid();
        await given.Class(school, [teacherId], [taught]);
        var code = await given.Code(taught);
        var teacher = api.Teacher(given.Org, school, teacherId);

        var view = await (await teacher.GetAsync(View(taught))).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(code, CodeOf(view));
        await (await teacher.GetAsync(History(taught))).ShouldBe(HttpStatusCode.OK);
        await (await teacher.PostAsync(Reset(taught), null)).ShouldBeProblem(HttpStatusCode.Forbidden, "Enable parent/guardian login");
        await (await teacher.PostAsync(Enable(untaught), null)).ShouldBeProblem(HttpStatusCode.Forbidden, "Enable parent/guardian login");
        await (await teacher.GetAsync(View(untaught))).ShouldBeProblem(HttpStatusCode.NotFound, "was not found");
    }

    [Fact]
    public async Task Students_and_guardians_have_no_access_to_staff_views()
    {
        var school = await given.School();
        var student = await given.Student(school);
        await given.Code(student);

        await (await api.Student(given.Org, school, student).GetAsync(View(student))).ShouldBe(HttpStatusCode.Forbidden);
        await (await api.Student(given.Org, school, student).PostAsync(Enable(student), null)).ShouldBe(HttpStatusCode.Forbidden);
        await (await api.Guardian(Guid.NewGuid()).GetAsync(View(student))).ShouldBe(HttpStatusCode.Forbidden);
        await (await api.Anonymous().GetAsync(View(student))).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Another_organisation_finds_nothing()
    {
        var school = await given.School();
        var student = await given.Student(school);
        await given.Code(student);
        var stranger = api.District(Guid.NewGuid());

        await (await stranger.GetAsync(View(student))).ShouldBeProblem(HttpStatusCode.NotFound, "was not found");
        await (await stranger.PostAsync(Enable(student), null)).ShouldBeProblem(HttpStatusCode.NotFound, "was not found");
        await (await stranger.PostAsync(Reset(student), null)).ShouldBeProblem(HttpStatusCode.NotFound, "was not found");
        await (await stranger.GetAsync(History(student))).ShouldBeProblem(HttpStatusCode.NotFound, "was not found");
    }

    [Fact]
    public async Task An_operator_acts_on_the_organisation_they_name()
    {
        var school = await given.School();
        var student = await given.Student(school);
        var operatorClient = api.Operator(given.Org);

        var code = CodeOf(await Enabled(operatorClient, student));
        Assert.Equal(code, CodeOf(await (await operatorClient.GetAsync(View(student))).ShouldBe(HttpStatusCode.OK)));
        await (await api.As(Callers.Operator(AccessCodeApi.Audience)).GetAsync(View(student)))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "Portal-Organisation");
    }
}
