using Portal.Bench;
using Portal.Roster.Bench;

// MIS sync ingest against the whole system, next to the raw Marten append rate measured in the same run.
var output = Console.Out;
Machine.Print(output, "Roster");
await using var system = await RosterBenchSystem.StartAsync();
output.WriteLine($"Services' output: {Path.GetRelativePath(Environment.CurrentDirectory, RosterBenchSystem.LogPath)}");

var raw = await RawAppend.MeasureAsync(system, MisIngest.BatchStudents, withSnapshot: false);
var rawWithSnapshot = await RawAppend.MeasureAsync(system, MisIngest.BatchStudents, withSnapshot: true);
var single = await MisIngest.SingleRecordsAsync(system);
var batches = await MisIngest.BatchesAsync(system);

new Table("MIS sync ingest (students applied per second, until Roster holds them all)", "path", "students", "time", "rate", "vs raw append")
    .Row("raw Marten append (baseline: events only, batches of 500)", Figures.Count(raw.Students), Figures.Milliseconds(raw.Elapsed.TotalMilliseconds), Figures.Rate(raw.Rate), "100%")
    .Row("raw Marten append with Roster's inline student snapshot", Figures.Count(rawWithSnapshot.Students), Figures.Milliseconds(rawWithSnapshot.Elapsed.TotalMilliseconds), Figures.Rate(rawWithSnapshot.Rate), Figures.Percent(rawWithSnapshot.Rate / raw.Rate))
    .Row("MIS single-record messages", Figures.Count(single.Students), Figures.Milliseconds(single.Elapsed.TotalMilliseconds), Figures.Rate(single.Rate), Figures.Percent(single.Rate / raw.Rate))
    .Row("MIS batches of 500", Figures.Count(batches.Students), Figures.Milliseconds(batches.Elapsed.TotalMilliseconds), Figures.Rate(batches.Rate), Figures.Percent(batches.Rate / raw.Rate))
    .Note("Aim: batches reach at least half the raw append rate, and 50,000 students are synced in under a minute.")
    .Note($"Batches: {(batches.Rate >= raw.Rate / 2 ? "met" : "NOT met")} (half of raw is {Figures.Rate(raw.Rate / 2)}); " +
          $"{Figures.Count(batches.Students)} students in {batches.Elapsed.TotalSeconds:0.0} s: {(batches.Students >= 50_000 && batches.Elapsed < TimeSpan.FromMinutes(1) ? "met" : "NOT met")}.")
    .Note($"Against the baseline that keeps the same inline snapshot, batches reach {Figures.Percent(batches.Rate / rawWithSnapshot.Rate)}. Beyond that baseline Roster keeps a sync watermark per student, reads each stream before deciding, marks each message handled, and shares the two cores with RabbitMQ and its publishing daemon.")
    .Note("Timed from the first publish until Roster's student table holds every student; publishing runs concurrently.")
    .Print(output);
