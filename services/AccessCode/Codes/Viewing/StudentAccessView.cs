using Marten;
using Microsoft.Extensions.Options;
using Portal.AccessCode.Guardians;
using Portal.AccessCode.Students;
using Portal.ServiceDefaults.Http;

namespace Portal.AccessCode.Codes;

/// <summary>A student's Portal Access: their code (printed, for staff who may see it), the words for guardians, who paired.</summary>
public sealed record StudentAccessView(
    Guid StudentId,
    Guid SchoolId,
    string SchoolName,
    string StudentName,
    string YearGroup,
    bool Enabled,
    string? Code,
    DateTimeOffset? CodeIssuedAt,
    LoginInstructions? Instructions,
    IReadOnlyList<PairedGuardian> Guardians,
    StudentAccessLinks Links);

/// <summary>A guardian paired with the student; name and email are empty while Identity has not yet described the account.</summary>
public sealed record PairedGuardian(Guid GuardianId, string Name, string Email, DateTimeOffset PairedAt);

public sealed record StudentAccessLinks(string Enable, string Reset, string InstructionsPdf, string History);

/// <summary>Builds the view from the student's code snapshot and what Roster, Institution and Identity described.</summary>
public static class StudentAccessViews
{
    public static async Task<StudentAccessView> Of(
        IQuerySession session, KnownStudent student, HttpContext http, AccessCodeSecrets secrets, IOptions<AccessCodeOptions> options)
    {
        var cancellation = http.RequestAborted;
        var codes = await session.LoadAsync<AccessCodeState>(student.Id, cancellation);
        var school = await session.LoadAsync<KnownSchool>(student.SchoolId, cancellation);
        var schoolName = school?.Name ?? "";
        var code = codes?.Code is { } sealedCode ? secrets.Open(sealedCode, student.Id) : null;
        var instructions = code is null
            ? null
            : LoginInstructions.For(schoolName, student.Name, code, options.Value.SignUpUrlFor(http));
        return new StudentAccessView(student.Id, student.SchoolId, schoolName, student.Name, student.YearGroup,
            Enabled: code is not null, code, code is null ? null : codes!.CodeIssuedAt, instructions,
            await GuardiansOf(session, codes?.Pairings ?? [], cancellation), LinksOf(student.Id, http));
    }

    // Guardians are kept outside every tenant (single-tenanted documents), so the organisation's session loads them too.
    private static async Task<IReadOnlyList<PairedGuardian>> GuardiansOf(
        IQuerySession session, IReadOnlyList<Pairing> pairings, CancellationToken cancellation)
    {
        if (pairings.Count == 0) return [];
        var known = (await session.LoadManyAsync<KnownGuardian>(cancellation, pairings.Select(p => p.GuardianId).Distinct()))
            .ToDictionary(g => g.Id);
        return pairings
            .Select(p => known.TryGetValue(p.GuardianId, out var g)
                ? new PairedGuardian(p.GuardianId, g.Name, g.Email, p.PairedAt)
                : new PairedGuardian(p.GuardianId, "", "", p.PairedAt))
            .ToList();
    }

    public static StudentAccessLinks LinksOf(Guid student, HttpContext http) => new(
        http.LinkTo($"/students/{student}/enable"),
        http.LinkTo($"/students/{student}/reset"),
        http.LinkTo($"/students/{student}/instructions.pdf"),
        http.LinkTo($"/students/{student}/history"));

    public static string ViewLink(Guid student, HttpContext http) => http.LinkTo($"/students/{student}");
}
