using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Portal.AppHost;

namespace Portal.Faults.Tests;

/// <summary>What the load left in each service of the chain, for one <see cref="FaultSchool"/>.</summary>
/// <param name="RosterStudents">Students Roster lists for the school, by email (an email twice is a duplicate).</param>
/// <param name="LoginsEnabled">Identity's login-enabled events per student (more than one is a duplicate).</param>
/// <param name="Billed">Billing's counted students for the term (the draft invoice's quantity).</param>
/// <param name="LedgerEnabled">Billing's recorded enabled transitions per student (more than one is a duplicate).</param>
public sealed record Effects(
    IReadOnlyDictionary<string, IReadOnlyList<Guid>> RosterStudents,
    IReadOnlyDictionary<Guid, long> LoginsEnabled,
    IReadOnlyList<Guid> Billed,
    IReadOnlyDictionary<Guid, long> LedgerEnabled)
{
    public IReadOnlySet<Guid> StudentIds => RosterStudents.Values.SelectMany(ids => ids).ToHashSet();

    public int Duplicates =>
        RosterStudents.Values.Sum(ids => ids.Count - 1)
        + LoginsEnabled.Values.Sum(n => (int)n - 1)
        + (Billed.Count - Billed.Distinct().Count())
        + LedgerEnabled.Values.Sum(n => (int)n - 1);

    /// <summary>Why the chain does not (yet) agree with the accepted commands, or null when it does, exactly once everywhere.</summary>
    public string? Disagreement(IReadOnlySet<string> accepted, IReadOnlySet<string> attempted)
    {
        var missing = accepted.Where(e => !RosterStudents.ContainsKey(e)).ToList();
        if (missing.Count > 0) return $"{missing.Count} accepted student(s) missing from Roster, e.g. {missing[0]}";
        var unknown = RosterStudents.Keys.Where(e => !attempted.Contains(e)).ToList();
        if (unknown.Count > 0) return $"Roster lists {unknown.Count} student(s) nobody sent, e.g. {unknown[0]}";
        if (Duplicates > 0) return $"{Duplicates} duplicate effect(s)";
        var students = StudentIds;
        if (!students.SetEquals(LoginsEnabled.Keys))
            return $"Identity enabled {LoginsEnabled.Count} login(s) for {students.Count} student(s)";
        if (!students.SetEquals(Billed)) return $"Billing counts {Billed.Count} student(s) in the term for {students.Count} student(s)";
        if (!students.SetEquals(LedgerEnabled.Keys))
            return $"Billing's ledger recorded {LedgerEnabled.Count} enabled login(s) for {students.Count} student(s)";
        return null;
    }

    public static async Task<Effects> ReadAsync(PortalSystem system, FaultSchool school)
    {
        var roster = await school.Admin.GetFromJsonAsync<JsonElement>($"/roster/institutions/{school.School}/students");
        var students = roster.EnumerateArray()
            .Where(s => s.TryGetProperty("email", out var e) && e.ValueKind == JsonValueKind.String)
            .GroupBy(s => s.GetProperty("email").GetString()!.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Guid>)g.Select(s => s.GetProperty("id").GetGuid()).ToList());

        var billed = new List<Guid>();
        var term = await school.Admin.GetAsync($"/billing/organisations/{school.Org}/terms/{school.TermId}/students");
        if (term.StatusCode == HttpStatusCode.OK)
            billed.AddRange((await term.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("students").EnumerateArray()
                .Select(s => s.GetProperty("studentId").GetGuid()));
        else if (term.StatusCode != HttpStatusCode.NotFound) // 404 until Billing has the term calendar
            Assert.Fail($"Billing answered {(int)term.StatusCode}: {await term.Content.ReadAsStringAsync()}");

        return new Effects(students,
            await EventsPerStreamAsync(system, "identity", school.Org, "student_login_enabled"),
            billed,
            await EventsPerStreamAsync(system, "billing", school.Org, "login_enabled_recorded"));
    }

    /// <summary>How many events of a type each stream of the organisation has, straight from the service's event store.</summary>
    private static async Task<IReadOnlyDictionary<Guid, long>> EventsPerStreamAsync(PortalSystem system, string database, Guid org, string type)
    {
        await using var connection = new NpgsqlConnection(Unpooled(system.DatabaseConnectionString(database)));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select stream_id, count(*) from mt_events where tenant_id = @tenant and type = @type group by stream_id", connection);
        command.Parameters.AddWithValue("tenant", org.ToString());
        command.Parameters.AddWithValue("type", type);
        var counts = new Dictionary<Guid, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) counts[reader.GetGuid(0)] = reader.GetInt64(1);
        return counts;
    }

    /// <summary>A connection of its own each time: a pooled one may be one the fault just terminated.</summary>
    public static string Unpooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "portal-faults" }.ConnectionString;
}
