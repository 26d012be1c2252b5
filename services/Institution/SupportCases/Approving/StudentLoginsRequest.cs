using Portal.Institution.Schools;
using Portal.ServiceDefaults.Problems;

namespace Portal.Institution.SupportCases;

/// <summary>What approving a student logins case does to the school.</summary>
public static class StudentLoginsRequest
{
    /// <summary>
    /// The School command that turns student logins on for the year groups already on plus the requested ones
    /// (in the school's year-group order). Hand it to <see cref="School.Decide(ConfigureStudentLogins, SchoolState)"/>,
    /// which emits nothing when the school already has them all.
    /// </summary>
    public static ConfigureStudentLogins SettingsAfterApproval(
        SchoolState school, IReadOnlyList<string> requestedYearGroups, Guid actorId, DateTimeOffset at)
    {
        var gone = requestedYearGroups.Where(id => school.FindYearGroup(id) is null).ToList();
        if (gone.Count > 0)
            throw new RuleViolation(
                $"The case asks for year group {Text.List(gone.Select(Text.Quoted))}, which the school no longer has; reject the case or add the year group back.");

        var alreadyOn = school.StudentLogins.Enabled ? school.StudentLogins.YearGroups : [];
        var yearGroups = school.YearGroups.Select(y => y.Id)
            .Where(id => alreadyOn.Contains(id) || requestedYearGroups.Contains(id))
            .ToList();
        return new ConfigureStudentLogins(school.Id, Enabled: true, yearGroups, actorId, at);
    }
}
