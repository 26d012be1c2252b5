using System.Net.Http.Json;
using System.Text.Json;
using Portal.AppHost;
using Portal.AppHost.DemoData;
using Portal.Bench;
using Portal.Roster.Contracts;

namespace Portal.AccessCode.Bench;

/// <summary>
/// The whole system started through the AppHost's declaration, with one organisation whose schools each have a roll of
/// <see cref="StudentsPerSchool"/> students published by an MIS producer; ready once AccessCode has learnt every student
/// from Roster's messages. Requests go through the gateway as a platform operator acting on the organisation.
/// </summary>
public sealed class AccessCodeBenchSystem : IAsyncDisposable
{
    public const int StudentsPerSchool = 2_000;

    readonly BenchRun _run;

    AccessCodeBenchSystem(BenchRun run) => _run = run;

    PortalSystem Running => _run.System;

    public static string LogPath => BenchRun.LogPath("accesscode");

    public Guid Organisation { get; private set; }
    public IReadOnlyList<Guid> Schools { get; private set; } = [];
    public HttpClient Operator { get; private set; } = null!;
    public string AccessCodeDatabase => Running.DatabaseConnectionString("accesscode");

    public static async Task<AccessCodeBenchSystem> StartAsync(int schools)
    {
        var bench = new AccessCodeBenchSystem(await BenchRun.StartAsync("accesscode"));
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
            await bench.RegisterSchoolsAsync(schools, timeout.Token);
            await bench.PublishRollsAsync(timeout.Token);
            return bench;
        }
        catch
        {
            await bench.DisposeAsync();
            throw;
        }
    }

    async Task RegisterSchoolsAsync(int count, CancellationToken ct)
    {
        var tokens = new DemoTokens(Running.GatewayUrl);
        using var platform = await tokens.OperatorAsync();
        var created = await SetUp.Expect(platform.PostAsJsonAsync("/institution/organisations", new { name = "Benchmark Trust", kind = "MultiAcademyTrust" }, ct));
        Organisation = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        Operator = await tokens.OperatorAsync(Organisation);
        var schools = new List<Guid>();
        for (var i = 1; i <= count; i++)
        {
            var school = await SetUp.Expect(Operator.PostAsJsonAsync($"/institution/organisations/{Organisation}/institutions",
                new { name = $"Benchmark Academy {i}", code = $"BA{i:000}", phase = "Secondary" }, ct));
            schools.Add((await school.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid());
        }
        Schools = schools;
        // Roster refuses MIS records for a school it has not learnt yet; AccessCode needs the school for letters.
        while (await CountAsync("mt_doc_knownschool", ct) < schools.Count)
            await Task.Delay(200, ct);
    }

    async Task PublishRollsAsync(CancellationToken ct)
    {
        var bus = await BenchBus.StartAsync(Running.RabbitMqUri, ct);
        try
        {
            foreach (var (school, s) in Schools.Select((school, s) => (school, s)))
            foreach (var batch in Enumerable.Range(0, StudentsPerSchool).Chunk(500))
                await bus.Publish(new MisStudentsBatchSynced(Organisation, school, IsFullRoll: false,
                    batch.Select(i => new MisStudentRecord($"S{s}-{i}", $"Student {i}", $"Family {i:0000}", i % 2 == 0 ? "Y10" : "Y11",
                        null, null, null)).ToList(), DateTimeOffset.UtcNow), ct);
        }
        finally
        {
            await bus.StopAsync(ct);
        }
        var expected = Schools.Count * StudentsPerSchool;
        while (await CountAsync("mt_doc_knownstudent", ct) < expected)
            await Task.Delay(500, ct);
    }

    /// <summary>Rows of one of AccessCode's document tables for the benchmark's organisation.</summary>
    public Task<int> CountAsync(string table, CancellationToken ct = default) => BenchDatabase.CountAsync(AccessCodeDatabase, table, Organisation, ct);

    /// <summary>A fresh database on the same server, for the raw-append baseline.</summary>
    public Task<string> CreateScratchDatabaseAsync(string name) => BenchDatabase.CreateScratchAsync(AccessCodeDatabase, name);

    public async ValueTask DisposeAsync()
    {
        Operator?.Dispose();
        await _run.DisposeAsync();
    }
}
