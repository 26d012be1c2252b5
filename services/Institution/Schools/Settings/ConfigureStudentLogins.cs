using Portal.ServiceDefaults.Problems;

namespace Portal.Institution.Schools;

/// <summary>Turns student logins on or off and says for which year groups (the whole setting, not a delta).</summary>
public sealed record ConfigureStudentLogins(
    Guid SchoolId, bool Enabled, IReadOnlyList<string> YearGroups, Guid ActorId, DateTimeOffset At);

/// <summary>Year group ids are distinct and in the school's year-group order.</summary>
public sealed record StudentLoginsConfigured(
    Guid SchoolId, bool Enabled, IReadOnlyList<string> YearGroups, Guid ActorId, DateTimeOffset At);

public static partial class School
{
    public static object[] Decide(ConfigureStudentLogins command, SchoolState state)
    {
        var requested = (command.YearGroups ?? []).Select(id => id?.Trim() ?? "").Distinct().ToList();
        var unknown = requested.Where(id => state.FindYearGroup(id) is null).ToList();
        if (unknown.Count > 0)
            throw new ValidationFailed("yearGroups",
                $"The school has no year group {Text.List(unknown.Select(Text.Quoted), "or")}; its year groups are {string.Join(", ", state.YearGroups.Select(y => y.Id))}.");
        if (command.Enabled && requested.Count == 0)
            throw new ValidationFailed("yearGroups", "Choose at least one year group to turn student logins on.");

        var yearGroups = state.YearGroups.Select(y => y.Id).Where(requested.Contains).ToList();
        if (command.Enabled == state.StudentLogins.Enabled && yearGroups.SequenceEqual(state.StudentLogins.YearGroups))
            return [];
        return [new StudentLoginsConfigured(state.Id, command.Enabled, yearGroups, command.ActorId, command.At.ToUniversalTime())];
    }
}
