using Portal.ServiceDefaults.Problems;

namespace Portal.Institution.Organisations;

/// <summary>Adds a term to the organisation's calendar, or replaces the term with the same id.</summary>
public sealed record SetTerm(
    Guid OrganisationId, string TermId, string Name, DateOnly Start, DateOnly End, Guid ActorId, DateTimeOffset At);

/// <summary>The full term as it now stands (new or changed).</summary>
public sealed record TermSet(
    Guid OrganisationId, string TermId, string Name, DateOnly Start, DateOnly End, Guid ActorId, DateTimeOffset At);

public static partial class Organisation
{
    public static object[] Decide(SetTerm command, OrganisationState state)
    {
        var termId = command.TermId?.Trim() ?? "";
        var match = Term.IdPattern().Match(termId);
        if (termId.Length > Term.MaxIdLength || !match.Success)
            throw new ValidationFailed("termId",
                $"Term id '{termId}' must be a lowercase slug of the start year and a name, like '2026-autumn' (at most {Term.MaxIdLength} characters).");
        var name = Text.Required(command.Name, "name", "Term name", Term.MaxNameLength);
        var term = new Term(termId, name, command.Start, command.End);

        if (term.End < term.Start)
            throw new ValidationFailed("end",
                $"Term '{name}' ends on {Text.Date(term.End)}, before it starts on {Text.Date(term.Start)}.");
        var idYear = int.Parse(match.Groups["year"].Value);
        if (idYear != term.Start.Year)
            throw new ValidationFailed("termId",
                $"Term id '{termId}' names {idYear} but the term starts in {term.Start.Year}; use '{term.Start.Year}{termId[4..]}'.");

        var overlapping = state.Terms.Where(t => t.Id != termId && t.Overlaps(term)).ToList();
        if (overlapping.Count > 0)
            throw new RuleViolation(
                $"Term {term.Describe()} overlaps {Text.List(overlapping.Select(t => t.Describe()))}.");

        if (state.FindTerm(termId) == term)
            return [];
        return [new TermSet(state.Id, termId, name, term.Start, term.End, command.ActorId, command.At.ToUniversalTime())];
    }
}
