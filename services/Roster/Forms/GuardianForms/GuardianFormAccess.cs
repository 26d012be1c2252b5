using Marten;
using Portal.Roster.Guardians;
using Portal.Roster.Students;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Forms;

/// <summary>A child the signed-in guardian is paired with now, and the organisation (tenant) the child's forms live in.</summary>
public sealed record PairedChild(Guid GuardianId, Guid StudentId, Guid OrganisationId)
{
    public string Tenant => OrganisationId.ToString();
}

/// <summary>
/// Who reaches a child's forms: a guardian paired with the child now (staff and students 403). A child they are not
/// paired with (never, or revoked), a deleted child, and a form not assigned to the child's guardians all answer 404.
/// The guardian's token names no organisation: the pairing says which one to open.
/// </summary>
public static class GuardianFormAccess
{
    public static async Task<PairedChild> PairedChildOf(IDocumentStore store, HttpContext http, Guid student)
    {
        var guardian = GuardianAccess.GuardianOf(http);
        await using var pairings = store.QuerySession(TenantResolver.NoTenant);
        var pairing = await GuardianPairings.CurrentOf(pairings, guardian, student, http.RequestAborted)
                      ?? throw new NotFound(GuardianAccess.ChildNotFound(student));
        return new PairedChild(guardian, student, pairing.OrganisationId);
    }

    /// <summary>The child is still on the organisation's records (a left child's forms stay answerable; a deleted one is gone).</summary>
    public static async Task EnsureChildPresent(IQuerySession session, PairedChild child, CancellationToken cancellation)
    {
        if (await session.LoadAsync<StudentState>(child.StudentId, cancellation) is not { Deleted: false })
            throw new NotFound(GuardianAccess.ChildNotFound(child.StudentId));
    }

    public static async Task<FormState> FormForGuardiansOf(IQuerySession session, Guid form, PairedChild child, CancellationToken cancellation)
    {
        var state = await session.LoadAsync<FormState>(form, cancellation);
        return state is not null && state.GuardianStudentIds.Contains(child.StudentId) ? state : throw new NotFound(Form.NotFoundMessage(form));
    }

    /// <summary>The forms assigned to the child's guardians, newest first, with whether this guardian has submitted each.</summary>
    public static async Task<IReadOnlyList<ChildFormSummary>> FormsOf(IQuerySession session, PairedChild child, CancellationToken cancellation) =>
        (await FormsOf(session, child.GuardianId, [child.StudentId], cancellation))[child.StudentId].ToList();

    /// <summary>
    /// For several children of one organisation at once (two queries, whatever the number of children and forms): each
    /// child's forms assigned to their guardians, newest first, with whether this guardian has submitted each.
    /// </summary>
    public static async Task<ILookup<Guid, ChildFormSummary>> FormsOf(
        IQuerySession session, Guid guardian, IReadOnlyCollection<Guid> students, CancellationToken cancellation)
    {
        var ids = students.Distinct().ToArray();
        var forms = await session.Query<FormState>().Where(f => f.GuardianStudentIds.Any(s => ids.Contains(s)))
            .OrderByDescending(f => f.CreatedAt).ToListAsync(cancellation);
        var responses = (await session.Query<FormResponseState>()
                .Where(r => r.GuardianId == guardian && r.StudentId.IsOneOf(ids)).ToListAsync(cancellation))
            .ToDictionary(r => (r.FormId, r.StudentId));
        return ids.SelectMany(student => forms.Where(f => f.GuardianStudentIds.Contains(student))
                .Select(f => ChildFormSummary.Of(f, student, responses.GetValueOrDefault((f.Id, student)))))
            .ToLookup(f => f.StudentId);
    }
}
