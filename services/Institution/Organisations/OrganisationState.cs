namespace Portal.Institution.Organisations;

/// <summary>
/// An organisation as its stream tells it, term calendar included (terms sorted by start date).
/// Marten live-aggregates this record through the public <c>Create</c>/<c>Apply</c> methods.
/// </summary>
public sealed record OrganisationState(Guid Id, string Name, OrganisationKind Kind, IReadOnlyList<Term> Terms)
{
    public static OrganisationState Create(OrganisationRegistered e) => new(e.OrganisationId, e.Name, e.Kind, []);

    public OrganisationState Apply(OrganisationRenamed e) => this with { Name = e.Name };

    public OrganisationState Apply(TermSet e) => this with
    {
        Terms = Terms.Where(t => t.Id != e.TermId)
            .Append(new Term(e.TermId, e.Name, e.Start, e.End))
            .OrderBy(t => t.Start)
            .ToList(),
    };

    public OrganisationState Apply(TermRemoved e) => this with { Terms = Terms.Where(t => t.Id != e.TermId).ToList() };

    public Term? FindTerm(string termId) => Terms.FirstOrDefault(t => t.Id == termId);
}
