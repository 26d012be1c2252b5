using Marten;
using Npgsql;
using Portal.Billing.Invoices;
using Portal.Billing.Invoices.Viewing;
using Portal.Billing.Ledger;
using Portal.Billing.Pricing;
using Portal.Billing.Schools;
using Portal.Billing.Terms;
using Weasel.Core;

namespace Portal.Billing.Bench;

/// <summary>
/// An organisation of 100 schools and 100,000 billable students in a term, its TermCharges seeded straight into
/// Billing's document table (as the ledger projection leaves them), the previous term invoiced with the same students.
/// Timed: the term's invoice through <see cref="InvoiceReads.OfOrganisationAsync"/>, the code behind
/// GET /organisations/{org}/invoices?term=, first as the organisation's first invoice, then with the previous term
/// issued (its count is needed for corrections); baseline: the same rows counted per school in one raw SQL statement.
/// </summary>
public static class InvoiceComputation
{
    public const int Schools = 100, Students = 100_000, Iterations = 15;

    public sealed record Result(Timings FirstInvoice, Timings RawCountOneTerm, Timings NextInvoice, Timings RawCountTwoTerms, int Lines,
        long Quantity, long GrossPence, TimeSpan Seeding);

    public static async Task<Result> MeasureAsync(string connectionString)
    {
        using var store = await BillingStore.CreateAsync(connectionString);
        var organisation = Guid.NewGuid();
        var tenant = organisation.ToString();
        var previous = new BillingTerm("2026-summer", "Summer 2026", new DateOnly(2026, 4, 13), new DateOnly(2026, 7, 22));
        var term = BillingStore.Terms[0];

        var seeding = System.Diagnostics.Stopwatch.StartNew();
        var schools = Enumerable.Range(1, Schools)
            .Select(i => new BilledSchool(Guid.NewGuid(), organisation, $"Bench School {i:D3}", $"BS{i:D3}", DateTimeOffset.UtcNow)).ToList();
        await using (var session = store.LightweightSession(tenant))
        {
            session.Store(new BillingTermCalendar(organisation, [previous, .. BillingStore.Terms], 1));
            session.StoreObjects(schools);
            await session.SaveChangesAsync();
        }
        var charges = Enumerable.Range(0, Students).SelectMany(i =>
        {
            var (student, school) = (Guid.NewGuid(), schools[i % Schools].Id);
            return new[] { previous, term }.Select(t => new TermCharge(TermCharge.IdOf(t.TermId, student), organisation, t.TermId, student,
                school, [new LoginInterval(school, new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero), null)]));
        }).ToList();
        await store.BulkInsertDocumentsAsync(tenant, charges, BulkInsertMode.InsertsOnly, 10_000);
        seeding.Stop();

        var table = ((IDocumentStore)store).Options.FindOrResolveDocumentType(typeof(TermCharge)).TableName.QualifiedName;
        var reads = new InvoiceReads(store, new PriceList([]), TimeProvider.System);
        Invoice invoice = null!, nextInvoice = null!;
        var (rawOneTerm, first) = await Timings.InTurnsAsync(Iterations,
            () => RawCountAsync(connectionString, table, tenant, [term.TermId]),
            async () => invoice = await InvoiceAsync(store, reads, tenant, term));
        await IssuePreviousAsync(store, organisation, previous, schools);
        var (rawTwoTerms, next) = await Timings.InTurnsAsync(Iterations,
            () => RawCountAsync(connectionString, table, tenant, [previous.TermId, term.TermId]),
            async () => nextInvoice = await InvoiceAsync(store, reads, tenant, term));

        foreach (var computed in new[] { invoice, nextInvoice })
        {
            var billed = computed.Lines.Sum(l => l.Quantity);
            if (computed.Lines.Count != Schools || billed != Students || computed.GrossPence != Students * 60L)
                throw new InvalidOperationException($"The invoice bills {billed} students on {computed.Lines.Count} lines for " +
                                                    $"{computed.GrossPence}p gross, not {Students} on {Schools} for {Students * 60L}p.");
        }
        var quantity = invoice.Lines.Sum(l => l.Quantity);
        return new Result(first, rawOneTerm, next, rawTwoTerms, invoice.Lines.Count, quantity, invoice.GrossPence, seeding.Elapsed);
    }

    private static async Task<Invoice> InvoiceAsync(IDocumentStore store, InvoiceReads reads, string tenant, BillingTerm term)
    {
        await using var session = store.QuerySession(tenant);
        return (await reads.OfOrganisationAsync(session, term.TermId, CancellationToken.None)).Single();
    }

    private static async Task IssuePreviousAsync(IDocumentStore store, Guid organisation, BillingTerm previous, IReadOnlyList<BilledSchool> schools)
    {
        var perSchool = Students / Schools;
        var lines = schools.Select(s => new InvoiceLine(InvoiceLineKind.Charge, s.Id, s.Name, s.Code, perSchool, 50, perSchool * 50L)).ToList();
        var net = lines.Sum(l => l.NetPence);
        var id = InvoiceIds.For(organisation, previous.TermId);
        await using var session = store.LightweightSession(organisation.ToString());
        session.Events.StartStream<Invoice>(id, new TermInvoiceIssued(id, organisation, 1, InvoiceIds.NumberOf(1), previous.TermId, previous.Name,
            previous.Start, previous.End, 50, 20m, lines, net, Vat.On(net, 20m), net + Vat.On(net, 20m), DateTimeOffset.UtcNow, null));
        await session.SaveChangesAsync();
    }

    private static async Task RawCountAsync(string connectionString, string table, string tenant, string[] termIds)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            $"select d.data ->> 'SchoolId', count(*) from {table} d where d.tenant_id = @tenant and d.data ->> 'TermId' = any(@terms) group by d.data ->> 'TermId', 1", connection);
        count.Parameters.AddWithValue("tenant", tenant);
        count.Parameters.AddWithValue("terms", termIds);
        await using var reader = await count.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync()) rows++;
        if (rows != Schools * termIds.Length) throw new InvalidOperationException($"The raw count found {rows} school rows, not {Schools * termIds.Length}.");
    }
}
