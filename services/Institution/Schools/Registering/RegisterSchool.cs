using Portal.ServiceDefaults.Problems;

namespace Portal.Institution.Schools;

public sealed record RegisterSchool(
    Guid SchoolId, Guid OrganisationId, string Name, string Code, SchoolPhase Phase, Guid ActorId, DateTimeOffset At);

/// <summary>Carries the year groups the school starts with, so that changing the defaults later rewrites no history.</summary>
public sealed record SchoolRegistered(
    Guid SchoolId, Guid OrganisationId, string Name, string Code, SchoolPhase Phase,
    IReadOnlyList<YearGroup> YearGroups, Guid ActorId, DateTimeOffset At);

public static partial class School
{
    /// <param name="state">Null for a new stream; anything else means the id is taken.</param>
    /// <remarks>That the code is unique in the organisation needs a read model: the endpoint checks it.</remarks>
    public static object[] Decide(RegisterSchool command, SchoolState? state)
    {
        if (state is not null)
            throw new RuleViolation($"School '{state.Name}' is already registered with id {state.Id}.");
        if (command.SchoolId == Guid.Empty)
            throw new ValidationFailed("schoolId", "School id is required.");
        if (command.OrganisationId == Guid.Empty)
            throw new ValidationFailed("organisationId", "Organisation id is required.");

        return
        [
            new SchoolRegistered(command.SchoolId, command.OrganisationId, ValidName(command.Name), ValidCode(command.Code),
                ValidPhase(command.Phase), YearGroup.Defaults, command.ActorId, command.At.ToUniversalTime()),
        ];
    }
}
