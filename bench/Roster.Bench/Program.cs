using Portal.Bench;
using Portal.Roster.Bench;

// MIS sync ingest against the whole system, next to the raw Marten append rate measured in the same run; the same
// roll timed until Identity has enabled the logins; one command's write three ways; projection lag at a steady rate.
var output = Console.Out;
if (args.Contains("--small")) MisIngest.Small();
Machine.Print(output, "Roster");
await using var system = await RosterBenchSystem.StartAsync();
output.WriteLine($"Services' output: {Path.GetRelativePath(Environment.CurrentDirectory, RosterBenchSystem.LogPath)}");

var raw = await RawAppend.MeasureAsync(system, MisIngest.BatchStudents, withSnapshot: false);
var rawWithSnapshot = await RawAppend.MeasureAsync(system, MisIngest.BatchStudents, withSnapshot: true);
var single = await MisIngest.SingleRecordsAsync(system);
var sync = await MisIngest.BatchesAsync(system);
var batches = sync.Roster;

new Table("MIS sync ingest (students applied per second, until Roster holds them all)", "path", "students", "time", "rate", "vs raw append")
    .Row("raw Marten append (baseline: events only, batches of 500)", Figures.Count(raw.Students), Figures.Milliseconds(raw.Elapsed.TotalMilliseconds), Figures.Rate(raw.Rate), "100%")
    .Row("raw Marten append with Roster's inline student snapshot", Figures.Count(rawWithSnapshot.Students), Figures.Milliseconds(rawWithSnapshot.Elapsed.TotalMilliseconds), Figures.Rate(rawWithSnapshot.Rate), Figures.Percent(rawWithSnapshot.Rate / raw.Rate))
    .Row("MIS single-record messages", Figures.Count(single.Students), Figures.Milliseconds(single.Elapsed.TotalMilliseconds), Figures.Rate(single.Rate), Figures.Percent(single.Rate / raw.Rate))
    .Row("MIS batches of 500", Figures.Count(batches.Students), Figures.Milliseconds(batches.Elapsed.TotalMilliseconds), Figures.Rate(batches.Rate), Figures.Percent(batches.Rate / raw.Rate))
    .Note("Aim: batches reach at least half the raw append rate, and 50,000 students are synced in under a minute" +
          (batches.Students < 50_000 ? $" (this run synced {Figures.Count(batches.Students)}, --small)." : "."))
    .Note($"Batches: {(batches.Rate >= raw.Rate / 2 ? "met" : "NOT met")} (half of raw is {Figures.Rate(raw.Rate / 2)}); " +
          $"{Figures.Count(batches.Students)} students in {batches.Elapsed.TotalSeconds:0.0} s" +
          (batches.Students < 50_000 ? " (no verdict on the minute: a smaller roll)." : $": {(batches.Elapsed < TimeSpan.FromMinutes(1) ? "met" : "NOT met")}."))
    .Note($"Against the baseline that keeps the same inline snapshot, batches reach {Figures.Percent(batches.Rate / rawWithSnapshot.Rate)}. Beyond that baseline Roster keeps a sync watermark per student, reads each stream before deciding, marks each message handled, and shares the two cores with RabbitMQ and its publishing daemon.")
    .Note("Timed from the first publish until Roster's student table holds every student; publishing runs concurrently. " +
          "Identity enables the batch school's logins at the same time (next table), on the same cores.")
    .Print(output);
BenchSummary.Add("Roster", $"MIS ingest, {Figures.Count(batches.Students)} students in batches of {MisIngest.BatchSize}, until Roster holds them",
    Figures.Rate(batches.Rate), $"raw Marten append {Figures.Rate(raw.Rate)}", Figures.Percent(batches.Rate / raw.Rate));
BenchSummary.Add("Roster", $"MIS ingest, {Figures.Count(single.Students)} single-record messages", Figures.Rate(single.Rate),
    $"raw Marten append {Figures.Rate(raw.Rate)}", Figures.Percent(single.Rate / raw.Rate));

var (logins, billed) = (sync.LoginsEnabled, sync.Billed);
new Table("MIS sync end to end: students per second from the first publish until Identity has enabled their logins and Billing has recorded them",
        "until", "students", "time", "rate", "vs Roster alone", "vs raw append")
    .Row("Roster holds every student (the ingest above)", Figures.Count(batches.Students), Figures.Milliseconds(batches.Elapsed.TotalMilliseconds),
        Figures.Rate(batches.Rate), "100%", Figures.Percent(batches.Rate / raw.Rate))
    .Row($"Identity has enabled every student's login ({MisIngest.LoginYearGroup} logins on)", Figures.Count(logins.Students),
        Figures.Milliseconds(logins.Elapsed.TotalMilliseconds), Figures.Rate(logins.Rate), Figures.Percent(logins.Rate / batches.Rate),
        Figures.Percent(logins.Rate / raw.Rate))
    .Row("Billing has recorded every enabled login (accounts and billing agree)", Figures.Count(billed.Students),
        Figures.Milliseconds(billed.Elapsed.TotalMilliseconds), Figures.Rate(billed.Rate), Figures.Percent(billed.Rate / batches.Rate),
        Figures.Percent(billed.Rate / raw.Rate))
    .Note(logins.Students >= batches.Students ? "Every student's login was enabled." :
        $"NOT every login was enabled: {Figures.Count(logins.Students)} of {Figures.Count(batches.Students)} when the wait ended; the rate is of those.")
    .Note(billed.Students >= logins.Students ? "Billing recorded every enabled login." :
        $"NOT every enabled login was recorded by Billing: {Figures.Count(billed.Students)} of {Figures.Count(logins.Students)} when the wait ended.")
    .Note("The same clock: Roster publishes RosterStudentChanged for each student from its daemon; Identity keeps a copy of the student " +
          "and decides their login (the school's setting, the username free) into a stream with an inline snapshot, in batches of up to " +
          "200 of one school's messages per transaction; Billing records each StudentLoginEnabled in the student's login history.")
    .Print(output);
BenchSummary.Add("Roster + Identity + Billing", $"MIS sync end to end, {Figures.Count(billed.Students)} students until accounts and billing agree",
    Figures.Rate(billed.Rate), $"Roster alone {Figures.Rate(batches.Rate)}", Figures.Percent(billed.Rate / batches.Rate));

var commands = await CommandAppend.MeasureAsync(system);
CommandAppend.Print(commands, output);

var lag = await ProjectionLag.MeasureAsync(system);
ProjectionLag.Print(lag, output);
