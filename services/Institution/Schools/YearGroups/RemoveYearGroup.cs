using Portal.ServiceDefaults.Problems;

namespace Portal.Institution.Schools;

public sealed record RemoveYearGroup(Guid SchoolId, string YearGroupId, Guid ActorId, DateTimeOffset At);

public sealed record YearGroupRemoved(Guid SchoolId, string YearGroupId, Guid ActorId, DateTimeOffset At);

public static partial class School
{
    /// <summary>An unknown year group answers 404: it is the resource the request names.</summary>
    public static object[] Decide(RemoveYearGroup command, SchoolState state)
    {
        var id = command.YearGroupId?.Trim() ?? "";
        var yearGroup = state.FindYearGroup(id)
            ?? throw new NotFound($"School '{state.Name}' has no year group '{id}'.");
        // Removing it would silently end those students' logins; make the admin do that on purpose.
        if (state.StudentLogins.IsOnFor(id))
            throw new RuleViolation(
                $"{yearGroup.Name} cannot be removed while student logins are enabled for it; turn student logins off for {yearGroup.Name} first.");
        return [new YearGroupRemoved(state.Id, id, command.ActorId, command.At.ToUniversalTime())];
    }
}
