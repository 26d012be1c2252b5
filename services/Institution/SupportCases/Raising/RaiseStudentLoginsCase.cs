using Portal.Institution.Schools;
using Portal.ServiceDefaults.Problems;

namespace Portal.Institution.SupportCases;

/// <summary>A school asks for student logins to the portal for some year groups.</summary>
public sealed record RaiseStudentLoginsCase(
    Guid CaseId, Guid SchoolId, IReadOnlyList<string> YearGroups, string? Note, Guid ActorId, DateTimeOffset At);

/// <summary>Year groups in the school's year-group order; Note trimmed, null when blank. ActorId raised it.</summary>
public sealed record StudentLoginsCaseRaised(
    Guid CaseId, Guid SchoolId, IReadOnlyList<string> YearGroups, string? Note, Guid ActorId, DateTimeOffset At);

public static partial class SupportCase
{
    /// <param name="state">Null for a new stream; anything else means the id is taken.</param>
    /// <param name="school">The school the case is for, to check the year groups against.</param>
    public static object[] Decide(RaiseStudentLoginsCase command, SupportCaseState? state, SchoolState school)
    {
        if (command.SchoolId != school.Id)
            throw new ArgumentException($"The case is for school {command.SchoolId} but school {school.Id} was given.", nameof(school));
        if (state is not null)
            throw new RuleViolation($"Support case {state.Id} already exists.");
        if (command.CaseId == Guid.Empty)
            throw new ValidationFailed("caseId", "Case id is required.");

        var requested = (command.YearGroups ?? []).Select(id => id?.Trim() ?? "").Distinct().ToList();
        if (requested.Count == 0)
            throw new ValidationFailed("yearGroups", "Choose at least one year group for student logins.");
        var unknown = requested.Where(id => school.FindYearGroup(id) is null).ToList();
        if (unknown.Count > 0)
            throw new ValidationFailed("yearGroups",
                $"The school has no year group {Text.List(unknown.Select(Text.Quoted), "or")}; its year groups are {string.Join(", ", school.YearGroups.Select(y => y.Id))}.");
        var note = Text.Optional(command.Note, "note", "Note", MaxTextLength);

        var yearGroups = school.YearGroups.Where(y => requested.Contains(y.Id)).ToList();
        if (yearGroups.All(y => school.StudentLogins.IsOnFor(y.Id)))
            throw new RuleViolation(
                $"Student logins are already on for {Text.List(yearGroups.Select(y => y.Name))}; there is nothing to request.");

        return
        [
            new StudentLoginsCaseRaised(command.CaseId, school.Id, yearGroups.Select(y => y.Id).ToList(), note,
                command.ActorId, command.At.ToUniversalTime()),
        ];
    }
}
