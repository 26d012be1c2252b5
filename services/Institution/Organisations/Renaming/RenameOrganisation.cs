namespace Portal.Institution.Organisations;

public sealed record RenameOrganisation(Guid OrganisationId, string Name, Guid ActorId, DateTimeOffset At);

public sealed record OrganisationRenamed(Guid OrganisationId, string Name, Guid ActorId, DateTimeOffset At);

public static partial class Organisation
{
    /// <summary>Renaming to the current name (after trimming) changes nothing and records nothing.</summary>
    public static object[] Decide(RenameOrganisation command, OrganisationState state)
    {
        var name = ValidName(command.Name);
        if (name == state.Name)
            return [];
        return [new OrganisationRenamed(state.Id, name, command.ActorId, command.At.ToUniversalTime())];
    }
}
