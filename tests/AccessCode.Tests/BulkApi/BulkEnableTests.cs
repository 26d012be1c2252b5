using System.Diagnostics;
using System.Net;
using Marten;
using Portal.AccessCode.Codes;
using Portal.AccessCode.Students;
using Portal.AccessCode.Tests.Api;
using Portal.ServiceDefaults.Problems;
using Xunit.Abstractions;

namespace Portal.AccessCode.Tests.BulkApi;

[Collection(AccessCodeApiCollection.Name)]
public sealed class BulkEnableTests(AccessCodeApi api, ITestOutputHelper output)
{
    private readonly Given given = new(api);

    [Fact]
    public async Task Missing_only_issues_a_code_to_every_student_of_the_school_in_letter_order()
    {
        var school = await given.School();
        var zed = await given.Student(school, givenName: "Zoe", familyName: "Abbott");
        var amy = await given.Student(school, givenName: "Amy", familyName: "Abbott");
        var carl = await given.Student(school, givenName: "Carl", familyName: "Zimmer");
        var elsewhere = await given.Student(await given.School("Southfield"));

        var job = await api.District(given.Org).Enable(new { schoolId = school });

        Assert.Equal([amy, zed, carl], job.Students());
        Assert.Equal((3, 0, 0), (job.Count("issued"), job.Count("reset"), job.Count("unchanged")));
        Assert.Equal("MissingOnly", job.GetProperty("mode").GetString());
        foreach (var student in new[] { amy, zed, carl })
            Assert.NotNull(await api.CurrentCode(given, student));
        Assert.Null(await api.CodesOf(given, elsewhere));
        var id = job.Id();
        Assert.Equal($"/bulk/{id}/letters.pdf", job.GetProperty("links").GetProperty("letters").GetString());
        Assert.Equal($"/bulk/{id}/codes.csv", job.GetProperty("links").GetProperty("csv").GetString());
    }

    [Fact]
    public async Task A_second_missing_only_run_issues_nothing_and_keeps_every_code()
    {
        var school = await given.School();
        var students = new[] { await given.Student(school), await given.Student(school), await given.Student(school) };
        var admin = api.District(given.Org);
        await admin.Enable(new { schoolId = school, mode = "MissingOnly" });
        var before = await Task.WhenAll(students.Select(s => api.CurrentCode(given, s)));

        var again = await admin.Enable(new { schoolId = school });

        Assert.Equal((0, 0, 3), (again.Count("issued"), again.Count("reset"), again.Count("unchanged")));
        Assert.Equal(before, await Task.WhenAll(students.Select(s => api.CurrentCode(given, s))));
    }

    [Fact]
    public async Task Missing_only_issues_to_students_without_a_code_and_leaves_the_others()
    {
        var school = await given.School();
        var withCode = await given.Student(school);
        var printed = await given.Code(withCode);
        var without = await given.Student(school);

        var job = await api.Customer(given.Org).Enable(new { schoolId = school });

        Assert.Equal((1, 0, 1), (job.Count("issued"), job.Count("reset"), job.Count("unchanged")));
        Assert.Equal(printed, await api.CurrentCode(given, withCode));
        Assert.NotNull(await api.CurrentCode(given, without));
    }

    [Fact]
    public async Task Reset_all_replaces_every_code_the_old_ones_are_refused_as_replaced_and_pairings_stay()
    {
        var school = await given.School();
        var paired = await given.Student(school);
        var oldCode = await given.Code(paired);
        var other = await given.Student(school);
        var otherOldCode = await given.Code(other);
        var newcomer = await given.Student(school);
        var guardian = Guid.NewGuid();
        await Pair(paired, guardian, oldCode);

        var job = await api.Building(given.Org, school).Enable(new { schoolId = school, mode = "ResetAll" });

        Assert.Equal((1, 2, 0), (job.Count("issued"), job.Count("reset"), job.Count("unchanged")));
        foreach (var (student, old) in new[] { (paired, oldCode), (other, otherOldCode) })
        {
            var state = (await api.CodesOf(given, student))!;
            Assert.NotEqual(old, api.Secrets.Open(state.Code!, student));
            var refused = Assert.Throws<RuleViolation>(() => Codes.AccessCode.Decide(
                new PairGuardian(student, Guid.NewGuid(), api.Secrets.HashOfEntered(old)!, DateTimeOffset.UtcNow), state));
            Assert.Contains("replaced", refused.Message);
        }
        Assert.True((await api.CodesOf(given, paired))!.IsPaired(guardian));
        Assert.NotNull(await api.CurrentCode(given, newcomer));

        await using var session = api.Store.QuerySession(given.Org.ToString());
        var newHash = (await api.CodesOf(given, paired))!.CodeHash!;
        Assert.Equal(paired, (await session.LoadAsync<CodeLookupEntry>(newHash))?.StudentId);
    }

    [Fact]
    public async Task Year_groups_narrow_the_selection()
    {
        var school = await given.School();
        var y10 = await given.Student(school, yearGroup: "Y10");
        var y11 = await given.Student(school, yearGroup: "Y11");
        var y7 = await given.Student(school, yearGroup: "Y7");

        var job = await api.District(given.Org).Enable(new { schoolId = school, yearGroups = new[] { "Y10", "y11" } });

        Assert.Equal(new[] { y10, y11 }.Order(), job.Students().Order());
        Assert.Null(await api.CodesOf(given, y7));
    }

    [Fact]
    public async Task A_class_narrows_the_selection_and_with_year_groups_both_must_match()
    {
        var school = await given.School();
        var inClassY10 = await given.Student(school, yearGroup: "Y10");
        var inClassY11 = await given.Student(school, yearGroup: "Y11");
        var notInClass = await given.Student(school, yearGroup: "Y10");
        var @class = await given.Class(school, [], [inClassY10, inClassY11]);
        var admin = api.District(given.Org);

        var both = await admin.Enable(new { schoolId = school, classId = @class, yearGroups = new[] { "Y10" } });
        Assert.Equal([inClassY10], both.Students());

        var wholeClass = await admin.Enable(new { schoolId = school, classId = @class });
        Assert.Equal(new[] { inClassY10, inClassY11 }.Order(), wholeClass.Students().Order());
        Assert.Equal((1, 1), (wholeClass.Count("issued"), wholeClass.Count("unchanged")));
        Assert.Null(await api.CodesOf(given, notInClass));
    }

    [Fact]
    public async Task Students_who_have_left_are_skipped()
    {
        var school = await given.School();
        var here = await given.Student(school);
        var left = await given.Student(school, left: true);

        var job = await api.District(given.Org).Enable(new { schoolId = school, mode = "ResetAll" });

        Assert.Equal([here], job.Students());
        Assert.Null(await api.CodesOf(given, left));
    }

    [Fact]
    public async Task A_selection_without_students_is_refused_with_a_clear_message()
    {
        var school = await given.School();
        await given.Student(school, yearGroup: "Y7");

        await (await api.District(given.Org).Post("/bulk", new { schoolId = school, yearGroups = new[] { "Y13" } }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "No students match");
    }

    [Fact]
    public async Task Two_thousand_students_are_enabled_in_one_request()
    {
        const int count = 2_000;
        var school = await given.School();
        await using (var session = api.Store.LightweightSession(given.Org.ToString()))
        {
            for (var i = 0; i < count; i++)
                session.Store(new KnownStudent(Guid.NewGuid(), school, $"MIS-{i}", $"Given{i}", $"Family{i:D4}", "Y8", false, false, 1));
            await session.SaveChangesAsync();
        }

        var clock = Stopwatch.StartNew();
        var job = await api.District(given.Org).Enable(new { schoolId = school });
        output.WriteLine($"Bulk-enabled {count} students in {clock.ElapsedMilliseconds} ms.");

        Assert.Equal(count, job.Count("issued"));
        Assert.Equal(count, job.Students().Count);
        await using var query = api.Store.QuerySession(given.Org.ToString());
        Assert.Equal(count, await query.Query<CodeLookupEntry>().CountAsync(e => e.OrganisationId == given.Org));
        Assert.Equal(count, await query.Query<AccessCodeState>().CountAsync(s => s.SchoolId == school && s.CodeHash != null));
    }

    private async Task Pair(Guid student, Guid guardian, string printed)
    {
        await using var session = api.Store.LightweightSession(given.Org.ToString());
        var stream = await session.Events.FetchForWriting<AccessCodeState>(student);
        stream.AppendMany(Codes.AccessCode.Decide(
            new PairGuardian(student, guardian, api.Secrets.HashOfEntered(printed)!, DateTimeOffset.UtcNow), stream.Aggregate!));
        await session.SaveChangesAsync();
    }
}
