using Portal.ServiceDefaults.Problems;

namespace Portal.Institution.Organisations;

public sealed record RegisterOrganisation(
    Guid OrganisationId, string Name, OrganisationKind Kind, Guid ActorId, DateTimeOffset At);

public sealed record OrganisationRegistered(
    Guid OrganisationId, string Name, OrganisationKind Kind, Guid ActorId, DateTimeOffset At);

public static partial class Organisation
{
    /// <param name="state">Null for a new stream; anything else means the id is taken.</param>
    public static object[] Decide(RegisterOrganisation command, OrganisationState? state)
    {
        if (state is not null)
            throw new RuleViolation($"Organisation '{state.Name}' is already registered with id {state.Id}.");
        if (command.OrganisationId == Guid.Empty)
            throw new ValidationFailed("organisationId", "Organisation id is required.");
        var name = ValidName(command.Name);
        if (!Enum.IsDefined(command.Kind))
            throw new ValidationFailed("kind", $"Kind must be one of {string.Join(", ", Enum.GetNames<OrganisationKind>())}.");

        return [new OrganisationRegistered(command.OrganisationId, name, command.Kind, command.ActorId, command.At.ToUniversalTime())];
    }
}
