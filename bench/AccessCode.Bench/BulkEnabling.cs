using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using JasperFx.MultiTenancy;
using Marten;
using Portal.AccessCode.Codes;
using Portal.Bench;
using Weasel.Core;

namespace Portal.AccessCode.Bench;

/// <summary>
/// Bulk codes through the gateway: enabling a whole school of 2,000 students in one request (each timed run on a school
/// nobody has enabled yet), resetting all of them, and the job's letters and CSV; next to the raw Marten append of the
/// same 2,000 AccessCodeIssued events, events only and with the inline code snapshot the service keeps.
/// </summary>
public static class BulkEnabling
{
    public static readonly TimeSpan Target = TimeSpan.FromSeconds(2);
    const int Schools = 4;
    const int TimedRuns = 3;

    /// <summary>Starts the system, measures everything and prints one table.</summary>
    public static async Task RunAsync(TextWriter output)
    {
        await using var system = await AccessCodeBenchSystem.StartAsync(Schools);
        output.WriteLine($"Services' output: {Path.GetRelativePath(Environment.CurrentDirectory, AccessCodeBenchSystem.LogPath)}");
        var raw = await RawAppendAsync(system, withSnapshot: false, TimedRuns);
        var rawSnapshot = await RawAppendAsync(system, withSnapshot: true, TimedRuns);
        var (enable, job) = await EnableSchoolsAsync(system);
        var reset = await ResetAllAsync(system, TimedRuns);
        var letters = await DownloadAsync(system, $"/access-codes/bulk/{job}/letters.pdf", TimedRuns);
        var csv = await DownloadAsync(system, $"/access-codes/bulk/{job}/codes.csv", TimedRuns);

        var students = AccessCodeBenchSystem.StudentsPerSchool;
        string Cell(TimeSpan t) => Figures.Milliseconds(t.TotalMilliseconds);
        string Rate(Runs r) => Figures.Rate(students / r.Median.TotalSeconds);
        BenchSummary.Add("AccessCode", $"POST /access-codes/bulk, {Figures.Count(students)} students, new codes (median)", Rate(enable),
            $"raw Marten append {Rate(raw)}", Figures.Percent(raw.Median / enable.Median));
        BenchSummary.Add("AccessCode", $"GET letters.pdf, {Figures.Count(students)} pages (median)", Cell(letters.Median), "target ≤ 10 s",
            Figures.Percent(letters.Median / TimeSpan.FromSeconds(10)));
        new Table($"Bulk access codes for a school of {Figures.Count(students)} students (min / median / max of {TimedRuns} runs)",
                "what", "min", "median", "max", "students/s (median)", "vs raw append")
            .Row("raw Marten append, events only (baseline)", Cell(raw.Min), Cell(raw.Median), Cell(raw.Max), Rate(raw), "100%")
            .Row("raw Marten append with the inline code snapshot", Cell(rawSnapshot.Min), Cell(rawSnapshot.Median), Cell(rawSnapshot.Max),
                Rate(rawSnapshot), Figures.Percent(raw.Median / rawSnapshot.Median))
            .Row("POST /access-codes/bulk, whole school, new codes", Cell(enable.Min), Cell(enable.Median), Cell(enable.Max), Rate(enable),
                Figures.Percent(raw.Median / enable.Median))
            .Row("POST /access-codes/bulk, ResetAll", Cell(reset.Min), Cell(reset.Median), Cell(reset.Max), Rate(reset),
                Figures.Percent(raw.Median / reset.Median))
            .Row($"GET letters.pdf ({Figures.Count(students)} pages, {letters.LastSize / 1024} KiB)", Cell(letters.Min), Cell(letters.Median),
                Cell(letters.Max), Rate(letters), "–")
            .Row($"GET codes.csv ({csv.LastSize / 1024} KiB)", Cell(csv.Min), Cell(csv.Median), Cell(csv.Max), Rate(csv), "–")
            .Note($"Target: bulk-enable {Figures.Count(students)} students in at most {Target.TotalSeconds:0} s: " +
                  $"{(enable.Max <= Target ? "met" : "NOT met")} (slowest {enable.Max.TotalSeconds:0.00} s, median {enable.Median.TotalSeconds:0.00} s).")
            .Note($"Target: {Figures.Count(students)} letters in at most 10 s over HTTP: {(letters.Max <= TimeSpan.FromSeconds(10) ? "met" : "NOT met")} " +
                  $"(slowest {letters.Max.TotalSeconds:0.00} s).")
            .Note("Through the gateway as a platform operator. Each enabling run is on a school nobody has enabled (the first is the warm-up); " +
                  "the request seals and hashes every code, appends one stream per student with its inline snapshot and a lookup entry, " +
                  "and records the job, in one transaction. \"vs raw append\" is the raw events-only time over the row's.")
            .Print(output);
    }

    /// <summary>Enables every school in turn: the first as the warm-up, the others timed.</summary>
    public static async Task<(Runs Runs, Guid LastJob)> EnableSchoolsAsync(AccessCodeBenchSystem system)
    {
        var times = new List<TimeSpan>();
        var job = Guid.Empty;
        foreach (var (school, index) in system.Schools.Select((s, i) => (s, i)))
        {
            var clock = Stopwatch.StartNew();
            var answer = await Bulk(system, school, "MissingOnly");
            clock.Stop();
            if (answer.GetProperty("issued").GetInt32() != AccessCodeBenchSystem.StudentsPerSchool)
                throw new InvalidOperationException($"The bulk request issued {answer.GetProperty("issued")} codes, not {AccessCodeBenchSystem.StudentsPerSchool}.");
            job = answer.GetProperty("id").GetGuid();
            if (index > 0) times.Add(clock.Elapsed);
        }
        return (new Runs(times, AccessCodeBenchSystem.StudentsPerSchool), job);
    }

    public static async Task<Runs> ResetAllAsync(AccessCodeBenchSystem system, int count) =>
        await TimeAsync(count, async () =>
        {
            var answer = await Bulk(system, system.Schools[0], "ResetAll");
            return answer.GetProperty("reset").GetInt32();
        });

    public static async Task<Runs> DownloadAsync(AccessCodeBenchSystem system, string path, int count) =>
        await TimeAsync(count, async () =>
        {
            using var response = await system.Operator.GetAsync(path);
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadAsByteArrayAsync()).LongLength;
        });

    /// <summary>The floor: the same number of AccessCodeIssued events appended straight through Marten in one session.</summary>
    public static async Task<Runs> RawAppendAsync(AccessCodeBenchSystem system, bool withSnapshot, int count)
    {
        var connectionString = await system.CreateScratchDatabaseAsync(withSnapshot ? "accesscode_raw_snapshot" : "accesscode_raw_append");
        using var store = DocumentStore.For(options =>
        {
            options.Connection(connectionString);
            options.UseSystemTextJsonForSerialization(EnumStorage.AsString);
            options.Events.TenancyStyle = TenancyStyle.Conjoined;
            options.Policies.AllDocumentsAreMultiTenanted();
            options.AutoCreateSchemaObjects = AutoCreate.All;
            options.Events.AddEventType<AccessCodeIssued>();
            if (withSnapshot) options.Projections.Snapshot<AccessCodeState>(SnapshotLifecycle.Inline);
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var sealedCode = new SealedCode(Convert.ToBase64String(new byte[40]), "bench");
        return await TimeAsync(count, async () =>
        {
            var school = Guid.NewGuid();
            await using var session = store.LightweightSession(Guid.NewGuid().ToString());
            for (var i = 0; i < AccessCodeBenchSystem.StudentsPerSchool; i++)
            {
                var student = Guid.NewGuid();
                session.Events.StartStream(student, new AccessCodeIssued(student, school, Convert.ToHexString(Guid.NewGuid().ToByteArray()),
                    sealedCode, Guid.Empty, DateTimeOffset.UtcNow));
            }
            await session.SaveChangesAsync();
            return AccessCodeBenchSystem.StudentsPerSchool;
        });
    }

    static async Task<JsonElement> Bulk(AccessCodeBenchSystem system, Guid school, string mode)
    {
        var response = await SetUp.Expect(system.Operator.PostAsJsonAsync("/access-codes/bulk", new { schoolId = school, mode }));
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>One warm-up run, then <paramref name="count"/> timed runs; work returns the size it produced.</summary>
    static async Task<Runs> TimeAsync(int count, Func<Task<long>> work)
    {
        await work();
        var times = new List<TimeSpan>();
        long size = 0;
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            size = await work();
            times.Add(clock.Elapsed);
        }
        return new Runs(times, size);
    }
}
