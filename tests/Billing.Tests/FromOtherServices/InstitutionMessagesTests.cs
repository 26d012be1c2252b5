using Portal.Billing.Schools;
using Portal.Billing.Terms;
using Portal.Billing.Tests.Api;
using Portal.Institution.Contracts;

namespace Portal.Billing.Tests.FromOtherServices;

[Collection(BillingApiCollection.Name)]
public sealed class InstitutionMessagesTests(BillingApi api)
{
    private readonly Given given = new(api);

    private TermCalendarSet Calendar(long version, params TermInfo[] terms) => new(given.Org, terms, version, DateTimeOffset.UtcNow);

    [Fact]
    public async Task The_newest_term_calendar_is_kept_and_an_older_one_delivered_late_changes_nothing()
    {
        var autumn = new TermInfo("2026-autumn", "Autumn 2026", new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 18));
        var spring = new TermInfo("2027-spring", "Spring 2027", new DateOnly(2027, 1, 4), new DateOnly(2027, 3, 26));
        await api.Bus.PublishAsync(Calendar(2, spring, autumn));
        var kept = await api.Eventually(given.Org, s => s.LoadAsync<BillingTermCalendar>(given.Org), c => c.Version == 2);
        Assert.NotNull(kept);
        Assert.Equal(["2026-autumn", "2027-spring"], kept.Terms.Select(t => t.TermId));

        await api.Bus.PublishAsync(Calendar(1, autumn));
        await api.Bus.PublishAsync(Calendar(3, autumn with { End = new DateOnly(2026, 12, 19) }));
        var latest = await api.Eventually(given.Org, s => s.LoadAsync<BillingTermCalendar>(given.Org), c => c.Version == 3);
        Assert.NotNull(latest);
        Assert.Equal(new DateOnly(2026, 12, 19), Assert.Single(latest.Terms).End);
    }

    [Fact]
    public async Task A_school_is_known_by_its_latest_name_and_code()
    {
        var school = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;
        await api.Bus.PublishAsync(new InstitutionRegistered(given.Org, school, "Northfield Academy", "NFA", "secondary", [], at));
        await api.Bus.PublishAsync(new InstitutionRegistered(given.Org, school, "Old name", "OLD", "secondary", [], at.AddMinutes(-5)));
        await api.Bus.PublishAsync(new InstitutionRegistered(given.Org, school, "Northfield School", "NFS", "secondary", [], at.AddMinutes(1)));
        var known = await api.Eventually(given.Org, s => s.LoadAsync<BilledSchool>(school), k => k.Code == "NFS");
        Assert.NotNull(known);
        Assert.Equal("Northfield School", known.Name);
    }
}
