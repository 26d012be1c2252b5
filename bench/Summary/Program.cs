using Portal.Bench;

// After every benchmark of `./portal bench` ran: the rows they added (BenchSummary.Add), as one table on the console
// and in bench/RESULTS.md with the machine they ran on.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Summary <summary rows file> <results file to write>");
    return 2;
}
var (rowsFile, resultsFile) = (args[0], args[1]);
var rows = BenchSummary.Read(rowsFile);
if (rows.Count == 0)
{
    Console.Error.WriteLine($"No benchmark added a summary row to {rowsFile}; {resultsFile} is left as it was.");
    return 1;
}

var table = new Table("Summary: each figure next to its baseline from the same run", "area", "measure", "figure", "baseline", "ratio");
foreach (var row in rows) table.Row(row.Area, row.Measure, row.Figure, row.Baseline, row.Ratio);
table.Note("Ratio: the figure over its baseline (rates: higher is better; times: lower is better), or what the figure adds to the baseline.")
    .Note("Every program starts its own whole system on this machine; the load generator shares the cores with the services, " +
          "PostgreSQL and RabbitMQ, so figures move from run to run: compare ratios more than absolute numbers.");

table.Print(Console.Out);
await using (var results = new StreamWriter(resultsFile, append: false))
{
    await results.WriteLineAsync("# Benchmark results");
    await results.WriteLineAsync();
    await results.WriteLineAsync($"Written by `./portal bench` at {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on: {Machine.Line}.");
    await results.WriteLineAsync("Each benchmark's own tables (with their notes) are in its console output; bench/README.md explains what each measures.");
    table.Print(results);
}
Console.WriteLine($"Written to {resultsFile}");
return 0;
