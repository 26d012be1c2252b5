using Marten;
using Portal.AccessCode.Codes;
using Portal.AccessCode.Guardians;
using Portal.AccessCode.Pairing;
using Portal.AccessCode.Students;
using Portal.AccessCode.Tests.Api;
using Portal.Identity.Contracts;
using Portal.Institution.Contracts;
using Portal.Roster.Contracts;
using Portal.ServiceDefaults.Persistence;

namespace Portal.AccessCode.Tests.FromOtherServices;

/// <summary>What Roster, Institution and Identity publish becomes the service's own copy, newest version winning.</summary>
[Collection(AccessCodeApiCollection.Name)]
public sealed class RosterMessagesTests(AccessCodeApi api)
{
    private readonly Given given = new(api);

    private static RosterStudentChanged Changed(Guid org, Guid student, Guid school, long version, bool left = false, string family = "Lovelace") =>
        new(org, student, school, "MIS-1", "Ada", family, "Y7", null, left, Deleted: false, version, DateTimeOffset.UtcNow);

    private async Task<T?> Eventually<T>(Func<IQuerySession, Task<T?>> read, Func<T, bool> done, string tenant) where T : class
    {
        for (var i = 0; i < 100; i++)
        {
            await using var session = api.Store.QuerySession(tenant);
            if (await read(session) is { } value && done(value)) return value;
            await Task.Delay(100);
        }
        return null;
    }

    [Fact]
    public async Task A_student_change_is_kept_and_an_older_version_delivered_late_changes_nothing()
    {
        var school = Guid.NewGuid();
        var student = Guid.NewGuid();
        await api.Bus.PublishAsync(Changed(given.Org, student, school, 3, family: "Byron"));
        var kept = await Eventually(s => s.LoadAsync<KnownStudent>(student), k => k.Version == 3, given.Org.ToString());
        Assert.Equal("Byron", kept?.FamilyName);

        await api.Bus.PublishAsync(Changed(given.Org, student, school, 2, family: "Older"));
        await api.Bus.PublishAsync(Changed(given.Org, student, school, 4, family: "King"));
        kept = await Eventually(s => s.LoadAsync<KnownStudent>(student), k => k.Version == 4, given.Org.ToString());
        Assert.Equal("King", kept?.FamilyName);
    }

    [Fact]
    public async Task A_student_who_leaves_is_noted_on_their_code_so_it_no_longer_pairs()
    {
        var school = await given.School();
        var student = await given.Student(school);
        await given.Code(student);

        await api.Bus.PublishAsync(Changed(given.Org, student, school, 5, left: true));
        var codes = await Eventually(s => s.LoadAsync<AccessCodeState>(student), c => c.StudentLeft, given.Org.ToString());
        Assert.NotNull(codes);
        Assert.Throws<Portal.ServiceDefaults.Problems.RuleViolation>(() =>
            Codes.AccessCode.Decide(new PairGuardian(student, Guid.NewGuid(), codes.CodeHash!, DateTimeOffset.UtcNow), codes));
    }

    [Fact]
    public async Task A_student_who_moves_school_takes_their_guardians_links_along()
    {
        var school = await given.School();
        var newSchool = await given.School("Southfield School");
        var student = await given.Student(school);
        await given.Code(student);
        var guardian = await given.Guardian();
        await using (var session = api.Store.LightweightSession(given.Org.ToString()))
        {
            GuardianLinks.Paired(session, guardian, given.Org, school, student, DateTimeOffset.UtcNow);
            await session.SaveChangesAsync();
        }

        await api.Bus.PublishAsync(Changed(given.Org, student, newSchool, 5));
        var links = await Eventually(async s => (await GuardianLinks.Of(s, guardian, CancellationToken.None)).SingleOrDefault(),
            l => l.SchoolId == newSchool, TenantResolver.NoTenant);
        Assert.Equal(student, links?.StudentId);
    }

    [Fact]
    public async Task Classes_schools_and_guardian_accounts_are_kept()
    {
        var school = Guid.NewGuid();
        var @class = Guid.NewGuid();
        var teacher = Guid.NewGuid();
        var student = Guid.NewGuid();
        var guardian = Guid.NewGuid();
        await api.Bus.PublishAsync(new ClassChanged(given.Org, @class, school, "10A English", true, [teacher], [student], 2, DateTimeOffset.UtcNow));
        await api.Bus.PublishAsync(new InstitutionRegistered(given.Org, school, "Northfield Academy", "NFA", "secondary", [], DateTimeOffset.UtcNow));
        await api.Bus.PublishAsync(new GuardianAccountChanged(guardian, "grace@home.example", "Grace", "Hopper", true, 2, DateTimeOffset.UtcNow));

        var kept = await Eventually(s => s.LoadAsync<KnownClass>(@class), _ => true, given.Org.ToString());
        Assert.Equal([teacher], kept?.TeacherIds);
        Assert.Equal([student], kept?.StudentIds);
        var knownSchool = await Eventually(s => s.LoadAsync<KnownSchool>(school), _ => true, given.Org.ToString());
        Assert.Equal("Northfield Academy", knownSchool?.Name);
        var knownGuardian = await Eventually(s => s.LoadAsync<KnownGuardian>(guardian), _ => true, TenantResolver.NoTenant);
        Assert.Equal("Grace Hopper", knownGuardian?.Name);
    }
}
