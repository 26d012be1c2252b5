using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace Portal.Security.Tests;

/// <summary>
/// (g) Object-level checks of the permission chart's scope rules (docs/permission-chart.md) inside one organisation:
/// a Building Administrator outside their school, a Teacher outside their classes, a guardian for a student they are not
/// paired with, a student for another student. Each calls every operation whose route names only resources outside
/// the actor's scope (from the OpenAPI documents, with a body that passes validation), and as the control every read
/// naming the in-scope counterparts.
/// </summary>
[Collection(SecuritySuiteCollection.Name)]
public sealed class ScopeRuleTests(SecuritySuiteFixture suite, ITestOutputHelper output)
{
    [Fact]
    public async Task A_building_administrator_reaches_nothing_of_another_school()
    {
        var world = await ScopeWorld.OfAsync(suite);
        await CheckAsync(world, world.BuildingAdministrator,
            checks => checks.ListAsync(world.BuildingAdministrator, $"/institution/organisations/{suite.OrganisationA["org"]}/institutions", "id",
                world.SchoolOne["school"], world.SchoolTwo["school"]),
            new OutOfScope("another school", world.SchoolTwo));
    }

    [Fact]
    public async Task A_teacher_reaches_nothing_outside_their_classes()
    {
        var world = await ScopeWorld.OfAsync(suite);
        await CheckAsync(world, world.Teacher, async checks =>
            {
                var (school, x, y) = (world.SchoolOne["school"], world.SchoolOne["student"], world.ClassY["student"]);
                await checks.ListAsync(world.Teacher, $"/roster/institutions/{school}/students", "id", x, y);
                await checks.ListAsync(world.Teacher, $"/roster/institutions/{school}/classes", "id", world.SchoolOne["class"], world.ClassY["class"]);
                await checks.ListAsync(world.Teacher, $"/roster/institutions/{school}/forms", "id", world.SchoolOne["form"], world.ClassY["form"]);
                using var created = await checks.ExpectAsync(world.Teacher, "control: creates a form", HttpMethod.Post, $"/roster/institutions/{school}/forms",
                    new { title = "Teacher's own", questions = new[] { new { id = "q", type = "ShortText", prompt = "Note", required = false } } },
                    HttpStatusCode.Created);
                var form = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
                var assign = $"/roster/forms/{form}/assignments";
                (await checks.ExpectAsync(world.Teacher, "control: form to own student", HttpMethod.Post, assign, new { studentId = x }, HttpStatusCode.OK)).Dispose();
                foreach (var (what, body) in new (string, object)[] { ("student", new { studentId = y }), ("class", new { classId = world.ClassY["class"] }) })
                    (await checks.ExpectAsync(world.Teacher, $"form to another class's {what}", HttpMethod.Post, assign, body, HttpStatusCode.NotFound)).Dispose();
                (await checks.ExpectAsync(world.Teacher, "form to another class's guardians", HttpMethod.Post,
                    $"/roster/forms/{form}/guardian-assignments", new { studentIds = new[] { y } }, HttpStatusCode.NotFound)).Dispose();
            },
            new OutOfScope("another class, own school", world.ClassY),
            new OutOfScope("another school", world.SchoolTwo));
    }

    [Fact]
    public async Task A_guardian_reaches_nothing_of_a_student_they_are_not_paired_with()
    {
        var world = await ScopeWorld.OfAsync(suite);
        // X's form is assigned to Y's guardians too: only the pairing keeps this guardian from Y's copy of it.
        await CheckAsync(world, world.Guardian, async checks =>
            {
                await checks.ListAsync(world.Guardian, "/roster/me/children", "studentId", world.SchoolOne["student"], world.ClassY["student"], world.SchoolTwo["student"]);
                await checks.ListAsync(world.Guardian, "/access-codes/me/students", "studentId", world.SchoolOne["student"], world.ClassY["student"]);
            },
            new OutOfScope("unpaired student, same school", With(world.ClassY, "form", world.SchoolOne["form"])),
            new OutOfScope("unpaired student, other school", world.SchoolTwo));
    }

    [Fact]
    public async Task A_student_reaches_nothing_of_another_student()
    {
        var world = await ScopeWorld.OfAsync(suite);
        await CheckAsync(world, world.Student,
            checks => checks.ListAsync(world.Student, "/roster/me/forms", "id", world.SchoolOne["form"], world.ClassY["form"], world.SchoolTwo["form"]),
            new OutOfScope("another student, same school", world.ClassY),
            new OutOfScope("student of another school", world.SchoolTwo));
    }

    private async Task CheckAsync(ScopeWorld world, ScopeActor actor, Func<ScopeChecks, Task> byHand, params OutOfScope[] outside)
    {
        var report = new SecurityReport();
        var checks = new ScopeChecks(suite, report);
        await byHand(checks);
        var tried = new List<string>();
        foreach (var set in outside)
            tried.Add($"{set.Why}: {await checks.OutsideAsync(actor, set)} operations naming {string.Join(", ", set.Ids.Keys.Order())}");
        var reached = await checks.InsideAsync(actor);

        output.WriteLine(world.Timings);
        output.WriteLine(report.Table($"Scope rule: {actor.Name} ({actor.Scope})",
        [
            .. tried,
            $"control: {reached} reads naming the actor's own resources ({string.Join(", ", actor.InScope.Keys.Order())}) answered 2xx",
            "a 403 counts as refused only when the actor gets the same 403 for ids that do not exist: it says nothing about the resource",
        ]));
        output.WriteLine(SecurityReport.SuiteTable());
        Assert.Empty(report.Failures);
        Assert.True(reached > 0, $"The {actor.Name} could read none of their own resources.");
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> ids, string key, string id) =>
        new(ids) { [key] = id };
}
