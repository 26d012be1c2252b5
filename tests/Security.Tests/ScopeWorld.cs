using System.Net;
using System.Text.Json;
using Portal.EndToEnd.Tests;
using Portal.Testing;

namespace Portal.Security.Tests;

/// <summary>An actor of one scope rule: their scope, token, and ids (by route parameter, see <see cref="RouteIds"/>) of what they reach.</summary>
public sealed record ScopeActor(string Name, string Scope, string Token, IReadOnlyDictionary<string, string> InScope);

/// <summary>Ids of resources outside an actor's scope, and what makes them so.</summary>
public sealed record OutOfScope(string Why, IReadOnlyDictionary<string, string> Ids);

/// <summary>
/// One organisation (A of the suite) with two new schools. School 1: classes X and Y with a student each (X's student
/// has a login and a paired guardian), a Building Administrator, a Teacher of class X only; forms for X's student (also
/// for X's and Y's guardians) and for Y's student; a support case. School 2: class Z with its student and Teacher, a
/// form and a case. Built once per run, by the first scope rule test that asks.
/// </summary>
public sealed class ScopeWorld
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static ScopeWorld? built;

    public required ScopeActor BuildingAdministrator { get; init; }
    public required ScopeActor Teacher { get; init; }
    public required ScopeActor Guardian { get; init; }
    public required ScopeActor Student { get; init; }
    public required IReadOnlyDictionary<string, string> SchoolOne { get; init; }
    public required IReadOnlyDictionary<string, string> SchoolTwo { get; init; }
    public required IReadOnlyDictionary<string, string> ClassY { get; init; }
    public required string Timings { get; init; }

    public static async Task<ScopeWorld> OfAsync(SecuritySuiteFixture suite)
    {
        await Once.WaitAsync();
        try { return built ??= await BuildAsync(suite); }
        finally { Once.Release(); }
    }

    private static async Task<ScopeWorld> BuildAsync(SecuritySuiteFixture suite)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var clients = suite.Clients;
        var org = Guid.Parse(suite.OrganisationA["org"]);
        var admin = clients.Bearer(suite.OrganisationAToken);
        var actors = new ScopeActors(clients, admin);
        var code = Random.Shared.Next(100, 999);
        var (one, two) = (await SchoolAsync(admin, org, $"Scope Academy One {code}", $"SC1{code}"), await SchoolAsync(admin, org, $"Scope Academy Two {code}", $"SC2{code}"));
        var operatorForOrg = clients.Bearer(await clients.OperatorTokenAsync(), org);
        await (await operatorForOrg.Put($"/institution/institutions/{one}/settings/student-logins", new { enabled = true, yearGroups = new[] { "Y9" } }))
            .ShouldBe(HttpStatusCode.NoContent);

        var buildingAdministrator = actors.StaffAsync("BuildingAdministrator", one, "Bea");
        var teacher = actors.StaffAsync("Teacher", one, "Tom");
        var teacherTwo = actors.StaffAsync("Teacher", two, "Tara");
        var (classX, classY, classZ) = (await ClassAsync(admin, one, "9X"), await ClassAsync(admin, one, "9Y"), await ClassAsync(admin, two, "9Z"));
        var studentX = await StudentAsync(admin, one, classX, "Xena", $"xena.{Guid.NewGuid():N}@scope-students.example");
        var studentY = await StudentAsync(admin, one, classY, "Yusuf", null);
        var studentZ = await StudentAsync(admin, two, classZ, "Zara", null);
        var (teacherId, teacherToken) = await teacher;
        var (teacherTwoId, _) = await teacherTwo;
        var (buildingAdministratorId, buildingAdministratorToken) = await buildingAdministrator;
        await AssignTeacherAsync(admin, classX, teacherId);
        await AssignTeacherAsync(admin, classZ, teacherTwoId);

        var formX = await FormAsync(admin, one, "Trip for 9X");
        var formY = await FormAsync(admin, one, "Catch-up plan for Yusuf");
        var formZ = await FormAsync(admin, two, "Trip for 9Z");
        await (await admin.Post($"/roster/forms/{formX}/assignments", new { studentId = studentX })).ShouldBe(HttpStatusCode.OK);
        await (await admin.Post($"/roster/forms/{formY}/assignments", new { studentId = studentY })).ShouldBe(HttpStatusCode.OK);
        await (await admin.Post($"/roster/forms/{formZ}/assignments", new { studentId = studentZ })).ShouldBe(HttpStatusCode.OK);
        var caseOne = await CaseAsync(admin, one);
        var caseTwo = await CaseAsync(admin, two);

        var (guardianId, guardianToken) = await actors.GuardianPairedWithAsync(studentX);
        await (await admin.Post($"/roster/forms/{formX}/guardian-assignments", new { studentIds = new[] { studentX, studentY } })).ShouldBe(HttpStatusCode.OK);
        var studentToken = await actors.StudentSignedInAsync(studentX);

        var schoolOne = Ids(("school", one), ("schoolId", one), ("class", classX), ("student", studentX), ("accountId", teacherId),
            ("form", formX), ("case", caseOne), ("staff", teacherId), ("teacher", teacherId), ("guardian", guardianId), ("yearGroup", "Y9"));
        return new ScopeWorld
        {
            SchoolOne = schoolOne,
            SchoolTwo = Ids(("school", two), ("schoolId", two), ("class", classZ), ("student", studentZ), ("accountId", teacherTwoId),
                ("form", formZ), ("case", caseTwo), ("staff", teacherTwoId), ("teacher", teacherTwoId), ("yearGroup", "Y9")),
            ClassY = Ids(("class", classY), ("student", studentY), ("form", formY), ("accountId", buildingAdministratorId),
                ("staff", buildingAdministratorId), ("teacher", buildingAdministratorId)),
            BuildingAdministrator = new("Building Administrator", "Own institution: school 1", buildingAdministratorToken,
                With(schoolOne, ("accountId", buildingAdministratorId), ("staff", teacherId))),
            Teacher = new("Teacher", "Own classes: class X of school 1", teacherToken, schoolOne),
            Guardian = new("Guardian", "paired with X's student", guardianToken, Ids(("student", studentX), ("form", formX), ("guardian", guardianId))),
            Student = new("Student", "Self: X's student", studentToken, Ids(("student", studentX), ("form", formX))),
            Timings = $"scope setup: two schools, five actors and their resources ready after {clock.Elapsed.TotalSeconds:F0} s",
        };
    }

    private static Dictionary<string, string> Ids(params (string Key, object Id)[] ids) =>
        ids.ToDictionary(i => i.Key, i => i.Id.ToString()!);

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> ids, params (string Key, object Id)[] changes)
    {
        var result = new Dictionary<string, string>(ids);
        foreach (var (key, id) in changes) result[key] = id.ToString()!;
        return result;
    }

    private static async Task<Guid> SchoolAsync(HttpClient admin, Guid org, string name, string code)
    {
        var school = (await (await admin.Post($"/institution/organisations/{org}/institutions", new { name, code, phase = "Secondary" }))
            .ShouldBe(HttpStatusCode.Created)).Id();
        await Waiting.Until(async () => (await admin.GetAsync($"/roster/institutions/{school}/students")).StatusCode == HttpStatusCode.OK,
            "Roster to learn the school");
        return school;
    }

    private static async Task<Guid> ClassAsync(HttpClient admin, Guid school, string name) =>
        (await (await admin.Post($"/roster/institutions/{school}/classes", new { name, subject = "Science" })).ShouldBe(HttpStatusCode.Created)).Id();

    private static async Task<Guid> StudentAsync(HttpClient admin, Guid school, Guid @class, string givenName, string? email) =>
        (await (await admin.Post($"/roster/institutions/{school}/students",
            new { givenName, familyName = "Scope", yearGroup = "Y9", email, classIds = new[] { @class } })).ShouldBe(HttpStatusCode.Created)).Id();

    /// <summary>Roster learns new staff from Identity's messages, so the first assignments may find the teacher unknown.</summary>
    private static async Task AssignTeacherAsync(HttpClient admin, Guid @class, Guid teacher) =>
        await Waiting.Until(async () => (await admin.Post($"/roster/classes/{@class}/teachers", new { teacherIds = new[] { teacher } })).IsSuccessStatusCode,
            "Roster to learn the teacher");

    private static async Task<Guid> FormAsync(HttpClient admin, Guid school, string title) =>
        (await (await admin.Post($"/roster/institutions/{school}/forms", new
        {
            title,
            questions = new[] { new { id = "note", type = "ShortText", prompt = "Anything we should know?", required = false } },
        })).ShouldBe(HttpStatusCode.Created)).Id();

    private static async Task<Guid> CaseAsync(HttpClient admin, Guid school) =>
        (await (await admin.Post($"/institution/institutions/{school}/cases", new { yearGroups = new[] { "Y10" } })).ShouldBe(HttpStatusCode.Created)).Id();
}
