using Marten;
using Portal.Billing.Ledger;
using Portal.Billing.Schools;
using Portal.Billing.Terms;

namespace Portal.Billing.Tests.Api;

/// <summary>
/// Arranges an organisation straight through the service's store (what Institution's and Identity's messages would
/// have left), so each test starts from exactly what it needs.
/// </summary>
public sealed class Given(BillingApi api)
{
    public Guid Org { get; } = Guid.NewGuid();

    public IDocumentSession Session() => api.Store.LightweightSession(Org.ToString());

    public async Task<Guid> School(string name = "Northfield Academy", string? code = null)
    {
        var id = Guid.NewGuid();
        await using var session = Session();
        session.Store(new BilledSchool(id, Org, name, code ?? $"S{id.ToString()[..6]}", DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
        return id;
    }

    /// <summary>The organisation's term calendar (by default the UK 2026/27 terms).</summary>
    public async Task<IReadOnlyList<BillingTerm>> Terms(params BillingTerm[] terms)
    {
        IReadOnlyList<BillingTerm> calendar = terms.Length > 0 ? terms :
        [
            new("2026-autumn", "Autumn 2026", new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 18)),
            new("2027-spring", "Spring 2027", new DateOnly(2027, 1, 4), new DateOnly(2027, 3, 26)),
            new("2027-summer", "Summer 2027", new DateOnly(2027, 4, 12), new DateOnly(2027, 7, 21)),
        ];
        await using var session = Session();
        session.Store(new BillingTermCalendar(Org, calendar, 1));
        await session.SaveChangesAsync();
        return calendar;
    }

    /// <summary>Ledger results as the projection would leave them: each student billable in the term at the school.</summary>
    public async Task<IReadOnlyList<Guid>> Charges(string termId, Guid school, int students, DateTimeOffset from)
    {
        var ids = Enumerable.Range(0, students).Select(_ => Guid.NewGuid()).ToList();
        await using var session = Session();
        foreach (var student in ids)
            session.Store(new TermCharge(TermCharge.IdOf(termId, student), Org, termId, student, school, [new LoginInterval(school, from, null)]));
        await session.SaveChangesAsync();
        return ids;
    }
}
