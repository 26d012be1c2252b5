using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;
using Portal.ServiceDefaults.Security;

namespace Portal.Security.Tests;

/// <summary>
/// Identity's current token signing key, read the way an attacker with a database dump and the key-encryption key
/// would: from Identity's database, opened with the key-encryption key the system runs with. A system started for
/// tests runs in Development without Portal:Identity:KeyEncryptionKey, so that is the public local-development key
/// (services/Identity/Oidc/Persistence/SigningKeys/KeyEncryptionKey.cs). Identity's access tokens live 15 minutes and no
/// client can ask for less, so this is the only way to hold a token that is expired yet correctly signed.
/// </summary>
public sealed record SystemSigningKey(string KeyId, RSA Key)
{
    private const string LocalDevelopmentKeyEncryptionKey = "cG9ydGFsLWxvY2FsLWRldmVsb3BtZW50LW9ubHkhISE=";

    public static async Task<SystemSigningKey> ReadAsync(string identityDatabase)
    {
        await using var connection = new NpgsqlConnection(identityDatabase);
        await connection.OpenAsync();
        await using var table = new NpgsqlCommand(
            "select table_schema || '.' || table_name from information_schema.tables where table_name = 'mt_doc_oidcsigningkey'", connection);
        var name = (string?)await table.ExecuteScalarAsync()
            ?? throw new InvalidOperationException("Identity's database holds no signing key table.");
        await using var newest = new NpgsqlCommand($"select data from {name} order by (data->>'Generation')::int desc limit 1", connection);
        var json = (string?)await newest.ExecuteScalarAsync() ?? throw new InvalidOperationException("Identity has no signing key yet.");

        using var document = JsonDocument.Parse(json);
        var kid = Property(document.RootElement, "Id");
        var sealedKey = Property(document.RootElement, "SealedPrivateKey");
        var opener = new SealingKey(Convert.FromBase64String(LocalDevelopmentKeyEncryptionKey), "Portal:Identity:KeyEncryptionKey");
        var rsa = RSA.Create();
        rsa.ImportFromPem(opener.Open(sealedKey, kid));
        return new SystemSigningKey(kid, rsa);
    }

    /// <summary>Whatever casing Marten's serializer was given.</summary>
    private static string Property(JsonElement document, string name) =>
        document.EnumerateObject().First(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value.GetString()!;
}
