using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.AccessCode.Codes;
using Portal.AccessCode.Tests.Api;

namespace Portal.AccessCode.Tests.CodesApi;

/// <summary>The raw JSON PostgreSQL holds for a student's codes: their events and their snapshot document.</summary>
public static class StoredText
{
    public static async Task<string> Of(AccessCodeApi api, Guid org, Guid student)
    {
        var options = api.Store.Options;
        var events = $"{options.Events.DatabaseSchemaName}.mt_events";
        var snapshots = $"{options.DatabaseSchemaName}.mt_doc_{nameof(AccessCodeState).ToLowerInvariant()}";
        await using var connection = await api.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            $"select data::text from {events} where stream_id = @student and tenant_id = @org " +
            $"union all select data::text from {snapshots} where id = @student and tenant_id = @org", connection);
        command.Parameters.AddWithValue("student", student);
        command.Parameters.AddWithValue("org", org.ToString());
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return string.Join("\n", rows);
    }
}
