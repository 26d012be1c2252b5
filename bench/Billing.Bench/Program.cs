using Portal.Bench;
using Portal.Billing.Bench;

// The invoice for a term of 100 schools and 100,000 students from the ledger, and the ledger's catch-up rate, each
// next to a raw baseline measured in the same run on the same PostgreSQL. Usage: [--events N] (default 40,000).
var output = Console.Out;
Machine.Print(output, "Billing");
var events = args.Length == 2 && args[0] == "--events" ? int.Parse(args[1]) : 40_000;
await using var postgres = await BenchPostgres.StartAsync();
output.WriteLine($"On {postgres.Description}, each measure in a fresh database.");

var invoice = await InvoiceComputation.MeasureAsync(await postgres.DatabaseAsync("billing_invoice"));
new Table($"Invoice for one term: {InvoiceComputation.Schools} schools, {InvoiceComputation.Students:N0} billable students ({InvoiceComputation.Iterations} runs each after a warm-up, in turns with the baseline)",
        "what", "TermCharge rows counted", "median", "p95", "min", "vs baseline (median)")
    .Row("baseline: raw SQL count per school, one term", "100,000", Figures.Milliseconds(invoice.RawCountOneTerm.Median),
        Figures.Milliseconds(invoice.RawCountOneTerm.P95), Figures.Milliseconds(invoice.RawCountOneTerm.Min), "100%")
    .Row("the organisation's first invoice (InvoiceReads.OfOrganisationAsync)", "100,000", Figures.Milliseconds(invoice.FirstInvoice.Median),
        Figures.Milliseconds(invoice.FirstInvoice.P95), Figures.Milliseconds(invoice.FirstInvoice.Min),
        Figures.Percent(invoice.FirstInvoice.Median / invoice.RawCountOneTerm.Median))
    .Row("baseline: raw SQL count per school, two terms", "200,000", Figures.Milliseconds(invoice.RawCountTwoTerms.Median),
        Figures.Milliseconds(invoice.RawCountTwoTerms.P95), Figures.Milliseconds(invoice.RawCountTwoTerms.Min), "100%")
    .Row("the next invoice, previous term issued (counted for corrections)", "200,000", Figures.Milliseconds(invoice.NextInvoice.Median),
        Figures.Milliseconds(invoice.NextInvoice.P95), Figures.Milliseconds(invoice.NextInvoice.Min),
        Figures.Percent(invoice.NextInvoice.Median / invoice.RawCountTwoTerms.Median))
    .Note($"Target ≤ 500 ms (median): first invoice {Verdict(invoice.FirstInvoice)}, next invoice {Verdict(invoice.NextInvoice)}. " +
          $"Each invoice has {invoice.Lines} lines billing {invoice.Quantity:N0} students, {invoice.GrossPence:N0}p gross.")
    .Note("InvoiceReads.OfOrganisationAsync is the code behind GET /organisations/{org}/invoices?term= (HTTP and token validation not included).")
    .Note($"Seeding 200,000 TermCharges (two terms) and the schools by bulk COPY took {invoice.Seeding.TotalSeconds:0.0} s.")
    .Print(output);

var raw = await ProjectionCatchUp.RawAppendAsync(await postgres.DatabaseAsync("billing_raw_append"), events, withSnapshot: false);
var rawSnapshot = await ProjectionCatchUp.RawAppendAsync(await postgres.DatabaseAsync("billing_raw_snapshot"), events, withSnapshot: true);
var consumed = await ProjectionCatchUp.ConsumersAsync(await postgres.DatabaseAsync("billing_catch_up"), events);
new Table("Ledger catch-up: StudentLoginEnabled/Disabled applied until the TermCharges are current (events per second)",
        "path", "events", "time", "rate", "vs raw append")
    .Row($"raw Marten append (baseline: the recorded events only, {ProjectionCatchUp.BatchSize} per save)", Figures.Count(raw.Events),
        Figures.Milliseconds(raw.Elapsed.TotalMilliseconds), Figures.Rate(raw.Rate), "100%")
    .Row("raw Marten append with the inline login-history snapshot", Figures.Count(rawSnapshot.Events),
        Figures.Milliseconds(rawSnapshot.Elapsed.TotalMilliseconds), Figures.Rate(rawSnapshot.Rate), Figures.Percent(rawSnapshot.Rate / raw.Rate))
    .Row($"consumers' path, one message per transaction, {ProjectionCatchUp.Concurrency} at a time", Figures.Count(consumed.Events),
        Figures.Milliseconds(consumed.Elapsed.TotalMilliseconds), Figures.Rate(consumed.Rate), Figures.Percent(consumed.Rate / raw.Rate))
    .Note("Each message: the handled-message check, the organisation's shared ledger lock, the student's history read for writing, the calendar, " +
          "one TermCharge written or deleted per term (three terms), the handled marker, one commit. Broker delivery is not included.")
    .Print(output);

BenchSummary.Add("Billing", "first invoice, 100 schools × 100,000 students (median; target ≤ 500 ms)",
    Figures.Milliseconds(invoice.FirstInvoice.Median), "raw SQL count " + Figures.Milliseconds(invoice.RawCountOneTerm.Median),
    Figures.Percent(invoice.FirstInvoice.Median / invoice.RawCountOneTerm.Median));
BenchSummary.Add("Billing", "next invoice, previous term counted for corrections (median; target ≤ 500 ms)",
    Figures.Milliseconds(invoice.NextInvoice.Median), "raw SQL count " + Figures.Milliseconds(invoice.RawCountTwoTerms.Median),
    Figures.Percent(invoice.NextInvoice.Median / invoice.RawCountTwoTerms.Median));
BenchSummary.Add("Billing", "ledger catch-up through the consumers' path", Figures.Rate(consumed.Rate),
    "raw Marten append " + Figures.Rate(raw.Rate), Figures.Percent(consumed.Rate / raw.Rate));

static string Verdict(Timings timings) => timings.Median <= 500 ? "met" : "NOT met";
