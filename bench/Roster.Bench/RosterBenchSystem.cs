using System.Net.Http.Json;
using System.Text.Json;
using Portal.AppHost;
using Portal.AppHost.DemoData;
using Portal.AppHost.Hosting;
using Portal.AppHost.Infrastructure;
using Portal.Bench;

namespace Portal.Roster.Bench;

/// <summary>
/// The whole system started through the AppHost's declaration, with one organisation and three schools registered
/// through the gateway by the platform operator, student logins on for Year 11 of the second; ready once Roster has
/// learnt the schools from Institution and Identity has learnt the login setting.
/// </summary>
public sealed class RosterBenchSystem : IAsyncDisposable
{
    readonly BenchRun _run;

    RosterBenchSystem(BenchRun run) => _run = run;

    PortalSystem Running => _run.System;

    public static string LogPath => BenchRun.LogPath("roster");

    public Uri RabbitMq => Running.RabbitMqUri;
    public string RosterDatabase => Running.DatabaseConnectionString("roster");
    public string IdentityDatabase => Running.DatabaseConnectionString("identity");
    public string BillingDatabase => Running.DatabaseConnectionString("billing");
    public Uri Gateway => Running.GatewayUrl;
    public Guid Organisation { get; private set; }
    public IReadOnlyList<Guid> Schools { get; private set; } = [];

    public static async Task<RosterBenchSystem> StartAsync()
    {
        var bench = new RosterBenchSystem(await BenchRun.StartAsync("roster"));
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await bench.RegisterSchoolsAsync(timeout.Token);
            return bench;
        }
        catch
        {
            await bench.DisposeAsync();
            throw;
        }
    }

    async Task RegisterSchoolsAsync(CancellationToken ct)
    {
        var tokens = new DemoTokens(Running.GatewayUrl);
        using var platform = await tokens.OperatorAsync();
        var created = await SetUp.Expect(platform.PostAsJsonAsync("/institution/organisations", new { name = "Benchmark Trust", kind = "MultiAcademyTrust" }, ct));
        Organisation = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        using var trust = await tokens.OperatorAsync(Organisation);
        var schools = new List<Guid>();
        foreach (var (name, code) in new[] { ("Single Record Academy", "B001"), ("Batch Academy", "B002"), ("Steady Rate Academy", "B003") })
        {
            var school = await SetUp.Expect(trust.PostAsJsonAsync($"/institution/organisations/{Organisation}/institutions",
                new { name, code, phase = "Secondary" }, ct));
            schools.Add((await school.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid());
        }
        Schools = schools;
        while (await CountAsync("mt_doc_knownschool", ct) < schools.Count)
            await Task.Delay(200, ct);

        // The batch school's Year 11 get logins: the end-to-end sync is timed until Identity has enabled them.
        await SetUp.Expect(trust.PutAsJsonAsync($"/institution/institutions/{schools[1]}/settings/student-logins",
            new { enabled = true, yearGroups = new[] { MisIngest.LoginYearGroup } }, ct));
        while (await BenchDatabase.CountAsync(IdentityDatabase, "mt_doc_schoolloginsettings", Organisation, ct) < 1)
            await Task.Delay(200, ct);
    }

    /// <summary>A client of the gateway acting as the platform operator for the benchmark's organisation (a fresh token).</summary>
    public Task<HttpClient> OperatorAsync() => new DemoTokens(Running.GatewayUrl).OperatorAsync(Organisation);

    /// <summary>Student logins Identity has enabled in the benchmark's organisation.</summary>
    public Task<int> EnabledLoginsAsync(CancellationToken ct = default) =>
        BenchDatabase.CountAsync(IdentityDatabase, "mt_doc_studentloginstate", Organisation, ct, where: "coalesce(data->>'Enabled', data->>'enabled') = 'true'");

    /// <summary>Students whose login history Billing has recorded in the benchmark's organisation (one document each).</summary>
    public Task<int> BilledStudentsAsync(CancellationToken ct = default) =>
        BenchDatabase.CountAsync(BillingDatabase, "mt_doc_loginhistorystate", Organisation, ct);

    /// <summary>Rows of one of Roster's document tables for the benchmark's organisation.</summary>
    public Task<int> CountAsync(string table, CancellationToken ct = default) => BenchDatabase.CountAsync(RosterDatabase, table, Organisation, ct);

    /// <summary>A fresh database on the same server, for baselines that must not share Roster's tables.</summary>
    public Task<string> CreateScratchDatabaseAsync(string name) => BenchDatabase.CreateScratchAsync(RosterDatabase, name);

    public ValueTask DisposeAsync() => _run.DisposeAsync();
}
