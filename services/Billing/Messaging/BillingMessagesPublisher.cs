using JasperFx.Events;
using Marten;
using MassTransit;
using Portal.Billing.Invoices;
using Portal.ServiceDefaults.Messaging;
using Contracts = Portal.Billing.Contracts;

namespace Portal.Billing.Messaging;

/// <summary>Turns committed invoice events into the messages other systems consume (DESIGN §2): one per issued invoice.</summary>
public sealed class BillingMessagesPublisher(IBus bus) : IntegrationEventPublisher(bus)
{
    protected override ValueTask<object?> ToMessage(IEvent e, IDocumentOperations operations, CancellationToken cancellation) =>
        ValueTask.FromResult<object?>(e.Data switch
        {
            TermInvoiceIssued issued => new Contracts.InvoiceIssued(issued.OrganisationId, issued.InvoiceId, issued.Number, issued.TermId,
                issued.NetPence, issued.VatPence, issued.GrossPence, issued.IssuedAt),
            _ => null,
        });
}
