namespace Portal.AccessCode.Codes;

/// <summary>A student's access code and the guardians paired through it. Rebuilt through the public Create/Apply methods.</summary>
public sealed record AccessCodeState(
    Guid Id,
    Guid SchoolId,
    string? CodeHash,
    SealedCode? Code,
    DateTimeOffset? CodeIssuedAt,
    IReadOnlyList<string> ReplacedHashes,
    IReadOnlyList<Pairing> Pairings,
    bool StudentLeft)
{
    public static AccessCodeState Create(AccessCodeIssued e) =>
        new(e.StudentId, e.SchoolId, e.CodeHash, e.Code, e.At, [], [], StudentLeft: false);

    public static AccessCodeState Create(StudentStatusNoted e) =>
        new(e.StudentId, e.SchoolId, null, null, null, [], [], e.Left);

    public AccessCodeState Apply(AccessCodeIssued e) => this with { CodeHash = e.CodeHash, Code = e.Code, CodeIssuedAt = e.At };

    public AccessCodeState Apply(AccessCodeReset e) =>
        this with { CodeHash = e.CodeHash, Code = e.Code, CodeIssuedAt = e.At, ReplacedHashes = [.. ReplacedHashes, e.ReplacedHash] };

    public AccessCodeState Apply(GuardianPairedWithStudent e) => this with { Pairings = [.. Pairings, new Pairing(e.GuardianId, e.At)] };

    public AccessCodeState Apply(GuardianAccessRevokedFromStudent e) =>
        this with { Pairings = Pairings.Where(p => p.GuardianId != e.GuardianId).ToList() };

    public AccessCodeState Apply(StudentStatusNoted e) => this with { SchoolId = e.SchoolId, StudentLeft = e.Left };

    /// <summary>The stream (and document) id is the student's id.</summary>
    public Guid StudentId => Id;

    public bool IsPaired(Guid guardian) => Pairings.Any(p => p.GuardianId == guardian);
}

public sealed record Pairing(Guid GuardianId, DateTimeOffset PairedAt);
