using Portal.ServiceDefaults.Problems;

namespace Portal.Institution.Organisations;

public sealed record RemoveTerm(Guid OrganisationId, string TermId, Guid ActorId, DateTimeOffset At);

public sealed record TermRemoved(Guid OrganisationId, string TermId, Guid ActorId, DateTimeOffset At);

public static partial class Organisation
{
    /// <summary>An unknown term answers 404: the term is the resource the request names.</summary>
    public static object[] Decide(RemoveTerm command, OrganisationState state)
    {
        var term = state.FindTerm(command.TermId?.Trim() ?? "")
            ?? throw new NotFound($"There is no term '{command.TermId}' in the calendar of '{state.Name}'.");
        return [new TermRemoved(state.Id, term.Id, command.ActorId, command.At.ToUniversalTime())];
    }
}
