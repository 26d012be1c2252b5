using Marten;
using Microsoft.Extensions.Options;
using Portal.Billing.Terms;
using Portal.ServiceDefaults.Problems;

namespace Portal.Billing.Invoices.Issuing;

/// <summary>
/// Issues every invoice whose term ended more than the grace period ago and that is not issued yet, in all
/// organisations. Terms with nothing to bill are left as they are (a late change may still give them something).
/// Every replica may run this: an invoice issued elsewhere first is skipped.
/// </summary>
public sealed class AutomaticIssuing(IDocumentStore store, InvoiceIssuing issuing, IOptions<InvoiceOptions> options,
    ILogger<AutomaticIssuing> logger)
{
    public async Task<IReadOnlyList<Invoice>> IssueDueAsync(DateTimeOffset now, CancellationToken cancellation)
    {
        var due = await DueAsync(now, cancellation);
        var issued = new List<Invoice>();
        foreach (var (organisation, term) in due)
        {
            try
            {
                issued.Add(await issuing.IssueAsync(organisation, term, now, operatorId: null, cancellation));
            }
            catch (RuleViolation refused)
            {
                logger.LogDebug("Invoice of organisation {Organisation} for term {Term} not issued: {Reason}", organisation, term.TermId,
                    refused.Message);
            }
        }
        return issued;
    }

    /// <summary>A term is due once its last day and then the grace period are over (days end at midnight UTC).</summary>
    public bool IsDue(BillingTerm term, DateTimeOffset now) =>
        new DateTimeOffset(term.End.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + options.Value.IssueGracePeriod <= now;

    private async Task<IReadOnlyList<(Guid Organisation, BillingTerm Term)>> DueAsync(DateTimeOffset now, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var calendars = await session.Query<BillingTermCalendar>().Where(c => c.AnyTenant()).ToListAsync(cancellation);
        var issued = (await session.Query<Invoice>().Where(i => i.AnyTenant()).Select(i => i.Id).ToListAsync(cancellation)).ToHashSet();
        return calendars
            .SelectMany(c => c.Terms.Where(t => IsDue(t, now)).Select(t => (Organisation: c.Id, Term: t)))
            .Where(d => !issued.Contains(InvoiceIds.For(d.Organisation, d.Term.TermId)))
            .OrderBy(d => d.Term.End)
            .ToList();
    }
}

/// <summary>
/// Looks for due invoices every <see cref="InvoiceOptions.IssueCheckInterval"/>, the first time one interval after the
/// service starts (a late issue by that much is harmless; issuing while the service is still warming up is not needed).
/// </summary>
public sealed class AutomaticIssuingService(AutomaticIssuing issuing, TimeProvider clock, IOptions<InvoiceOptions> options,
    ILogger<AutomaticIssuingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.IssueCheckInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var issued = await issuing.IssueDueAsync(clock.GetUtcNow(), stoppingToken);
                if (issued.Count > 0) logger.LogInformation("Issued {Count} invoices whose grace period had passed", issued.Count);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Looking for invoices to issue failed; trying again in {Interval}", options.Value.IssueCheckInterval);
            }
        }
    }
}
