using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Portal.AccessCode.Codes;
using Portal.AccessCode.Tests.Api;

namespace Portal.AccessCode.Tests.CodesApi;

/// <summary>What the Portal Access tests share: the paths, the code's printed shape, and arranging a pairing in the store.</summary>
public static partial class PortalAccess
{
    public const string SignUpUrl = "https://portal.example/identity/guardians/register";

    public static string View(Guid student) => $"/students/{student}";

    public static string Enable(Guid student) => $"/students/{student}/enable";

    public static string Reset(Guid student) => $"/students/{student}/reset";

    public static string History(Guid student) => $"/students/{student}/history";

    [GeneratedRegex("^[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$")]
    public static partial Regex PrintedCode();

    public static async Task<JsonElement> Enabled(HttpClient client, Guid student) =>
        await (await client.PostAsync(Enable(student), null)).ShouldBe(HttpStatusCode.Created);

    public static string CodeOf(JsonElement view) => view.GetProperty("code").GetString()!;

    /// <summary>The guardian pairs with the student's current code, as the pairing endpoint would record it.</summary>
    public static async Task Pair(AccessCodeApi api, Guid org, Guid student, Guid guardian)
    {
        await using var session = api.Store.LightweightSession(org.ToString());
        var stream = await session.Events.FetchForWriting<AccessCodeState>(student);
        var state = stream.Aggregate ?? throw new InvalidOperationException("Issue the student a code first.");
        stream.AppendMany(Codes.AccessCode.Decide(new PairGuardian(student, guardian, state.CodeHash!, DateTimeOffset.UtcNow), state));
        await session.SaveChangesAsync();
    }

    public static async Task<AccessCodeState> StateOf(AccessCodeApi api, Guid org, Guid student)
    {
        await using var session = api.Store.QuerySession(org.ToString());
        return await session.LoadAsync<AccessCodeState>(student) ?? throw new InvalidOperationException($"Student {student} has no code stream.");
    }
}
