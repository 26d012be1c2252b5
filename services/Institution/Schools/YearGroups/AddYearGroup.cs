using Portal.ServiceDefaults.Problems;

namespace Portal.Institution.Schools;

/// <summary>Adds a year group beyond the defaults, e.g. "N" Nursery; it goes to the end of the list.</summary>
public sealed record AddYearGroup(Guid SchoolId, string YearGroupId, string Name, Guid ActorId, DateTimeOffset At);

public sealed record YearGroupAdded(Guid SchoolId, string YearGroupId, string Name, Guid ActorId, DateTimeOffset At);

public static partial class School
{
    public static object[] Decide(AddYearGroup command, SchoolState state)
    {
        var id = command.YearGroupId?.Trim() ?? "";
        if (!YearGroup.IdPattern().IsMatch(id))
            throw new ValidationFailed("yearGroupId",
                $"Year group id '{id}' must be 1 to 10 uppercase letters or digits, like 'N' or 'Y14'.");
        var name = Text.Required(command.Name, "name", "Year group name", YearGroup.MaxNameLength);

        if (state.FindYearGroup(id) is { } sameId)
            throw new RuleViolation($"The school already has year group '{id}' ({sameId.Name}).");
        if (state.YearGroups.FirstOrDefault(y => string.Equals(y.Name, name, StringComparison.OrdinalIgnoreCase)) is { } sameName)
            throw new RuleViolation($"The school already has a year group named '{sameName.Name}' (id '{sameName.Id}').");

        return [new YearGroupAdded(state.Id, id, name, command.ActorId, command.At.ToUniversalTime())];
    }
}
