using System.Data.Common;
using Npgsql;

namespace Medallion.Threading.Postgres;

internal static class DedicatedConnection
{
    /// <summary>
    /// Opens a connection that belongs to one lock only. A session-level advisory lock lives on one physical
    /// connection, so it must not be multiplexed, and it must not go back into a pool while it may still hold the
    /// lock (Npgsql resets pooled sessions lazily), hence unpooled: closing it always ends the session.
    /// </summary>
    public static async Task<DbConnection> OpenAsync(DbDataSource dataSource, CancellationToken cancellationToken)
    {
        var connection = dataSource.CreateConnection();
        if (connection is NpgsqlConnection fromDataSource)
        {
            var settings = new NpgsqlConnectionStringBuilder(fromDataSource.ConnectionString)
            {
                Multiplexing = false,
                Pooling = false,
            };

            // A lock taken on a standby would only be seen by that standby.
            if (settings.Host?.Contains(',', StringComparison.Ordinal) == true && settings.TargetSessionAttributes is null)
            {
                settings.TargetSessionAttributes = "read-write";
            }

            // CloneWith keeps the data source's password and callbacks, which its connection string leaves out.
            connection = fromDataSource.CloneWith(settings.ConnectionString);
            await fromDataSource.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public static async Task<T?> QueryAsync<T>(
        DbConnection connection, DbTransaction? transaction, string sql, long? key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        if (key is { } value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "key";
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return (T?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}
