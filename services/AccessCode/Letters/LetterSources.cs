using Marten;
using Portal.AccessCode.Codes;
using Portal.AccessCode.Students;
using Portal.ServiceDefaults.Problems;

namespace Portal.AccessCode.Letters;

/// <summary>What letters are made from: the school's name as Institution gave it and the date they are printed.</summary>
public static class LetterSources
{
    public static async Task<string> SchoolName(IQuerySession session, Guid school, CancellationToken cancellation) =>
        (await session.LoadAsync<KnownSchool>(school, cancellation))?.Name
        ?? throw new RuleViolation(
            $"School {school} has not been described to the access-code service yet (its name comes from Institution); try again shortly.");

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>A student's letter, or null when they have no current code or have left.</summary>
    public static LoginInstructions? LetterOf(KnownStudent? student, AccessCodeState? codes, string schoolName, string signUpUrl,
        AccessCodeSecrets secrets) =>
        student is { Gone: false } && codes is { Code: { } code, StudentLeft: false }
            ? LoginInstructions.For(schoolName, student.Name, secrets.Open(code, student.Id), signUpUrl)
            : null;
}
