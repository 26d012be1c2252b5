using Marten;
using Portal.ServiceDefaults.Persistence;

namespace Portal.AccessCode.Pairing;

/// <summary>
/// One guardian paired with one student, kept outside any tenant: a guardian's students may sit in several
/// organisations. Written in the same transaction as the pairing or revocation event; one document per pair, so
/// pairings with two students never race each other.
/// </summary>
public sealed record GuardianLink(Guid Id, Guid GuardianId, Guid OrganisationId, Guid SchoolId, Guid StudentId, DateTimeOffset PairedAt)
{
    private static readonly Guid Namespace = new("6f1c2a59-3d0e-4b7a-9c55-2a8e8c3f4d10");

    public static Guid IdOf(Guid guardian, Guid student) => NameBasedGuid.Create(Namespace, $"{guardian:N}/{student:N}");
}

public static class GuardianLinks
{
    public static void Configure(StoreOptions options)
    {
        options.Schema.For<GuardianLink>().SingleTenanted();
        options.Schema.For<GuardianLink>().Index(l => l.GuardianId);
        options.Schema.For<GuardianLink>().Index(l => l.StudentId);
    }

    public static void Paired(IDocumentSession session, Guid guardian, Guid organisation, Guid school, Guid student, DateTimeOffset at) =>
        session.Store(new GuardianLink(GuardianLink.IdOf(guardian, student), guardian, organisation, school, student, at));

    public static void Revoked(IDocumentSession session, Guid guardian, Guid student) =>
        session.Delete<GuardianLink>(GuardianLink.IdOf(guardian, student));

    /// <summary>The guardian's links in every organisation.</summary>
    public static async Task<IReadOnlyList<GuardianLink>> Of(IQuerySession session, Guid guardian, CancellationToken cancellation) =>
        await session.Query<GuardianLink>().Where(l => l.GuardianId == guardian).OrderBy(l => l.PairedAt).ToListAsync(cancellation);

    /// <summary>The student moved school: their guardians' links say the new school.</summary>
    public static async Task MoveStudent(IDocumentSession session, Guid student, Guid school, CancellationToken cancellation)
    {
        var links = await session.Query<GuardianLink>().Where(l => l.StudentId == student).ToListAsync(cancellation);
        foreach (var link in links) session.Store(link with { SchoolId = school });
    }
}
