using Marten;
using MassTransit;
using Portal.Billing.Ledger;
using Portal.Billing.Ledger.History;
using Portal.Billing.Terms;
using Portal.Billing.Tests.Api;
using Portal.Identity.Contracts;
using Portal.Institution.Contracts;
using Portal.Roster.Contracts;
using Portal.ServiceDefaults.Persistence;

namespace Portal.Billing.Tests.LedgerApi;

/// <summary>
/// Feeds the ledger of a fresh organisation the way Institution, Identity and Roster would, through RabbitMQ, and
/// waits until the service has handled each message (by its message id), so a test can then read what it left.
/// </summary>
public sealed class LedgerFeed(BillingApi api, Guid? organisation = null)
{
    public Guid Org { get; } = organisation ?? Guid.NewGuid();

    public static readonly BillingTerm Autumn2025 = new("2025-autumn", "Autumn 2025", new DateOnly(2025, 9, 1), new DateOnly(2025, 12, 19));
    public static readonly BillingTerm Spring2026 = new("2026-spring", "Spring 2026", new DateOnly(2026, 1, 5), new DateOnly(2026, 3, 27));
    public static readonly BillingTerm Autumn2026 = new("2026-autumn", "Autumn 2026", new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 18));

    /// <summary>The first instant of 1 September 2026 in London (BST), in UTC.</summary>
    public static readonly DateTimeOffset Autumn2026Starts = new(2026, 8, 31, 23, 0, 0, TimeSpan.Zero);

    public Task<Guid> Calendar(long version, params BillingTerm[] terms) =>
        Publish(new TermCalendarSet(Org, [.. terms.Select(t => new TermInfo(t.TermId, t.Name, t.Start, t.End))], version, DateTimeOffset.UtcNow));

    public Task<Guid> Enabled(Guid student, Guid school, long version, DateTimeOffset at) =>
        Publish(new StudentLoginEnabled(Org, student, school, $"{student:N}@students.example", version, at));

    public Task<Guid> Disabled(Guid student, Guid school, long version, DateTimeOffset at) =>
        Publish(new StudentLoginDisabled(Org, student, school, "left", version, at));

    public Task<Guid> Named(Guid student, Guid school, string given, string family, long version, bool deleted = false) =>
        Publish(new RosterStudentChanged(Org, student, school, null, given, family, "Year 10", null, false, deleted, version, DateTimeOffset.UtcNow));

    /// <summary>Publishes with a known message id; publishing the same id again is a redelivery.</summary>
    public async Task<Guid> Publish<T>(T message, Guid? messageId = null) where T : class
    {
        var id = messageId ?? Guid.NewGuid();
        await api.Bus.Bus.Publish(message, context => context.MessageId = id);
        return id;
    }

    /// <summary>Waits until the service has handled every one of the messages.</summary>
    public async Task Handled(params Guid[] messageIds)
    {
        var ids = messageIds.Select(id => id.ToString()).Distinct().ToArray();
        for (var i = 0; i < 1200; i++)
        {
            await using var session = api.Store.QuerySession();
            if (await session.Query<HandledMessage>().Where(m => m.Id.IsOneOf(ids)).CountAsync() == ids.Length) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"The service did not handle all of {ids.Length} messages within 120 s.");
    }

    public async Task<TermCharge?> Charge(BillingTerm term, Guid student)
    {
        await using var session = api.Store.QuerySession(Org.ToString());
        return await session.LoadAsync<TermCharge>(TermCharge.IdOf(term.TermId, student));
    }

    public async Task<IReadOnlyList<TermCharge>> Charges(BillingTerm term)
    {
        await using var session = api.Store.QuerySession(Org.ToString());
        return await session.Query<TermCharge>().Where(c => c.TermId == term.TermId).OrderBy(c => c.StudentId).ToListAsync();
    }

    public async Task<IReadOnlyList<object>> History(Guid student)
    {
        await using var session = api.Store.QuerySession(Org.ToString());
        return (await session.Events.FetchStreamAsync(student)).Select(e => e.Data).ToList();
    }

    /// <summary>The projection equals the term recomputed from the raw history, charge for charge.</summary>
    public async Task AssertProjectionEqualsReplay(BillingTerm term)
    {
        await using var session = api.Store.QuerySession(Org.ToString());
        var replayed = await LedgerReplay.RecomputeAsync(session, Org, term.TermId, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), default);
        Assert.Equal(replayed.Select(Describe), (await Charges(term)).Select(Describe));
    }

    private static string Describe(TermCharge c) =>
        $"{c.Id} {c.OrganisationId} {c.StudentId} {c.SchoolId} " + string.Join(";", c.Intervals.Select(i => $"{i.SchoolId},{i.From.UtcTicks},{i.To?.UtcTicks}"));
}
