using Portal.Institution.Contracts;
using Portal.Roster.Schools;
using Portal.Roster.Tests.Api;

namespace Portal.Roster.Tests.SchoolsFromInstitution;

/// <summary>Roster's copy of a school comes from two of Institution's messages, consumed on different queues at the same time.</summary>
[Collection(RosterApiCollection.Name)]
public sealed class KnownSchoolConsumerTests(RosterApi api)
{
    [Fact]
    public async Task A_school_registered_and_its_rules_set_at_once_keep_both_year_groups_and_rules()
    {
        var org = Guid.NewGuid();
        var schools = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToList();
        var at = DateTimeOffset.UtcNow;

        await Task.WhenAll(schools.SelectMany(school => new[]
        {
            api.Bus.PublishAsync(new InstitutionRegistered(org, school, "Northfield Academy", "140102", "Secondary",
                [new YearGroupInfo("Y10", "Year 10"), new YearGroupInfo("Y11", "Year 11")], at)),
            api.Bus.PublishAsync(new StudentRosterRulesChanged(org, school, true, true, 6, true, Version: 3, at)),
        }));

        await using var session = api.Store.QuerySession(org.ToString());
        var known = await Eventually(async () =>
        {
            var all = await session.LoadManyAsync<KnownSchool>(schools);
            return all.Count == schools.Count && all.All(s => s.RulesVersion == 3 && s.YearGroups.Count == 2) ? all : null;
        });
        Assert.All(known, school =>
        {
            Assert.Equal(["Y10", "Y11"], school.YearGroups.Select(y => y.Id));
            Assert.Equal(new StudentRosterRules(true, true, 6, true), school.Rules);
            Assert.Equal("Northfield Academy", school.Name);
        });
    }

    private static async Task<T> Eventually<T>(Func<Task<T?>> attempt) where T : class
    {
        for (var i = 0; i < 100; i++)
        {
            if (await attempt() is { } found) return found;
            await Task.Delay(100);
        }
        throw new TimeoutException("Roster did not reach the expected copy of the school within 10 s.");
    }
}
