using JasperFx;
using Marten;
using Portal.Billing.Invoices.Computing;
using Portal.Billing.Ledger;
using Portal.Billing.Pricing;
using Portal.Billing.Terms;
using Portal.ServiceDefaults.Problems;

namespace Portal.Billing.Invoices.Issuing;

/// <summary>
/// Issues an organisation's invoice for a term in one transaction: the invoice's stream starts with its frozen lines
/// (its snapshot is stored inline) and the number counter moves on by one. Two issues at once (any organisations)
/// meet on the counter; the loser computes its invoice again, so it also sees what the winner just carried. The
/// organisation's ledger lock is held exclusively throughout (see <see cref="LedgerLocks"/>).
/// </summary>
public sealed class InvoiceIssuing(IDocumentStore store, PriceList prices, ILogger<InvoiceIssuing> logger)
{
    private const int Attempts = 20;

    public async Task<Invoice> IssueAsync(Guid organisation, BillingTerm term, DateTimeOffset at, Guid? operatorId,
        CancellationToken cancellation)
    {
        var id = InvoiceIds.For(organisation, term.TermId);
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession(organisation.ToString());
            // Held until the commit: no login transition or calendar change is in flight while the invoice reads the
            // ledger, so the login history recorded before the invoice's event is exactly what the invoice counted.
            await LedgerLocks.ExcludeAsync(session, organisation, cancellation);
            var issued = await session.LoadAsync<Invoice>(id, cancellation);
            // The counter is read before the ledger and earlier invoices, so anything issued after this read moves it.
            var counter = await session.LoadAsync<InvoiceNumberCounter>(InvoiceNumberCounter.TheCounter, cancellation);
            var draft = issued ?? await InvoiceDrafts.ComputeAsync(session, term, prices, cancellation);
            var sequence = (counter?.Last ?? 0) + 1;
            var events = InvoiceDecider.Decide(new IssueInvoice(term, draft, sequence, at, operatorId), issued).ToArray();

            session.Events.StartStream<Invoice>(id, events);
            if (counter is null) session.Insert(new InvoiceNumberCounter(InvoiceNumberCounter.TheCounter, sequence));
            else session.Update(counter with { Last = sequence });
            try
            {
                await session.SaveChangesAsync(cancellation);
                var invoice = Invoice.Create((TermInvoiceIssued)events[0]);
                logger.LogInformation("Issued invoice {Number} of organisation {Organisation} for term {Term}", invoice.Number, organisation, term.TermId);
                return invoice;
            }
            catch (Exception e) when (IsStreamTaken(e))
            {
                // Issued elsewhere in the meantime: answer as the decider does for an issued invoice.
                await using var reader = store.QuerySession(organisation.ToString());
                var winner = await reader.LoadAsync<Invoice>(id, cancellation);
                InvoiceDecider.Decide(new IssueInvoice(term, draft, sequence, at, operatorId), winner);
                throw;
            }
            catch (Exception e) when (IsCounterRace(e) && attempt < Attempts)
            {
                logger.LogDebug("Invoice number {Sequence} was taken by another issue at the same time; computing again", sequence);
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellation);
            }
        }
    }

    private static bool IsStreamTaken(Exception e) => e switch
    {
        JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsStreamTaken),
        _ => e.InnerException is { } inner && IsStreamTaken(inner),
    };

    private static bool IsCounterRace(Exception e) => e switch
    {
        ConcurrencyException or DocumentAlreadyExistsException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsCounterRace),
        _ => e.InnerException is { } inner && IsCounterRace(inner),
    };
}
