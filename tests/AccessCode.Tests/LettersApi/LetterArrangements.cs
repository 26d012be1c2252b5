using Portal.AccessCode.Bulk;
using Portal.AccessCode.Codes;
using Portal.AccessCode.Tests.Api;

namespace Portal.AccessCode.Tests.LettersApi;

/// <summary>What the letters are made from, arranged through the store: resets (as the reset endpoint would) and bulk jobs.</summary>
public static class LetterArrangements
{
    public const string SignUpUrl = "https://portal.example/identity/guardians/register";

    public static async Task<string> ResetCode(this AccessCodeApi api, Given given, Guid student)
    {
        await using var session = api.Store.LightweightSession(given.Org.ToString());
        var state = await session.LoadAsync<AccessCodeState>(student) ?? throw new InvalidOperationException("Issue a code first.");
        var (printed, code) = api.Secrets.NewCodeFor(student);
        var events = Codes.AccessCode.Decide(new ResetAccessCode(student, code, Guid.NewGuid(), DateTimeOffset.UtcNow), state);
        session.Events.Append(student, events);
        CodeLookup.RecordCodesOf(session, events);
        await session.SaveChangesAsync();
        return printed;
    }

    public static async Task<Guid> BulkJob(this AccessCodeApi api, Given given, Guid school, params Guid[] students)
    {
        var job = new BulkCodeJob(Guid.NewGuid(), school, [], null, BulkMode.MissingOnly, students, students.Length, 0, 0,
            Guid.NewGuid(), DateTimeOffset.UtcNow);
        await using var session = api.Store.LightweightSession(given.Org.ToString());
        session.Store(job);
        await session.SaveChangesAsync();
        return job.Id;
    }
}
