using System.Net;
using System.Text.Json;
using Portal.AccessCode.Codes;
using Portal.AccessCode.Tests.Api;

namespace Portal.AccessCode.Tests.PairingApi;

/// <summary>
/// Guardians as the gateway forwards them: each client comes from its own address (X-Forwarded-For, honoured from the
/// in-process host as from a proxy on loopback), so one test's refused codes never lock another test's pairing.
/// </summary>
public static class Pairings
{
    private static int lastAddress;

    public static string NewAddress()
    {
        var n = Interlocked.Increment(ref lastAddress) + Random.Shared.Next(1, 1_000_000) * 1_000;
        return $"10.{n >> 16 & 0xFF}.{n >> 8 & 0xFF}.{n & 0xFF}";
    }

    public static HttpClient GuardianAt(this AccessCodeApi api, Guid guardian, string? address = null)
    {
        var client = api.Guardian(guardian);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address ?? NewAddress());
        return client;
    }

    public static Task<HttpResponseMessage> Pair(this HttpClient guardian, string code) => guardian.Post("/pair", new { code });

    public static async Task<JsonElement> PairOk(this HttpClient guardian, string code) =>
        await (await guardian.Pair(code)).ShouldBe(HttpStatusCode.OK);

    public static async Task<JsonElement[]> MyStudents(this HttpClient guardian) =>
        (await (await guardian.GetAsync("/me/students")).ShouldBe(HttpStatusCode.OK)).EnumerateArray().ToArray();

    /// <summary>Resets the student's code through the decider, as staff resetting it would; returns the new code.</summary>
    public static async Task<string> ResetCode(this AccessCodeApi api, Guid org, Guid student)
    {
        await using var session = api.Store.LightweightSession(org.ToString());
        var stream = await session.Events.FetchForWriting<AccessCodeState>(student);
        var (printed, code) = api.Secrets.NewCodeFor(student);
        var events = Codes.AccessCode.Decide(new ResetAccessCode(student, code, Guid.NewGuid(), DateTimeOffset.UtcNow), stream.Aggregate!);
        stream.AppendMany(events);
        CodeLookup.RecordCodesOf(session, events);
        await session.SaveChangesAsync();
        return printed;
    }

    /// <summary>Roster said the student has left: their code stream notes it, as the consumer would.</summary>
    public static async Task StudentLeft(this AccessCodeApi api, Guid org, Guid student, Guid school)
    {
        await using var session = api.Store.LightweightSession(org.ToString());
        var stream = await session.Events.FetchForWriting<AccessCodeState>(student);
        stream.AppendMany(Codes.AccessCode.Decide(new NoteStudentStatus(student, school, Left: true, DateTimeOffset.UtcNow), stream.Aggregate));
        await session.SaveChangesAsync();
    }

    /// <summary>The printed code as a guardian might type it: small letters, spaces instead of dashes.</summary>
    public static string Typed(string printed) => printed.ToLowerInvariant().Replace('-', ' ');
}
