using Portal.Roster.Access;
using Portal.Roster.Schools;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Students;

/// <summary>
/// Staff correct a student's names, year group, email and student information number (the whole set, as a form sends
/// it). School is the student's school. NumberTaken: another student of the school already has the number given;
/// EmailTaken: another active student of the school has the email (the endpoint asks the store).
/// </summary>
public sealed record EditStudent(
    Guid StudentId, KnownSchool School, string? GivenName, string? FamilyName, string? YearGroup, string? Email,
    string? StudentInformationNumber, bool NumberTaken, bool EmailTaken, Guid ActorId, DateTimeOffset At);

public static partial class Student
{
    public static object[] Decide(EditStudent command, StudentState state)
    {
        if (state.Deleted) throw new NotFound(RosterAccess.StudentNotFound(state.Id));
        var school = command.School;
        var checks = new FieldChecks();
        var given = checks.Check(() => ValidGivenName(command.GivenName));
        var family = checks.Check(() => ValidFamilyName(command.FamilyName));
        var yearGroup = checks.Check(() => KeptOrSchoolYearGroup(school, state.YearGroup, command.YearGroup));
        var email = checks.Check(() => ValidEmail(command.Email));
        var number = checks.Check(() => NumberAsEdited(school, state.StudentInformationNumber, command.StudentInformationNumber));
        checks.ThrowIfAny();

        if (number is not null && number != state.StudentInformationNumber && command.NumberTaken)
            throw new RuleViolation(NumberTakenMessage(school, number));
        if (email is not null && email != state.Email && command.EmailTaken)
            throw new RuleViolation(EmailTakenMessage(school, email));

        var (id, actor, at) = (state.Id, (Guid?)command.ActorId, command.At.ToUniversalTime());
        var events = new List<object>();
        if (given != state.GivenName || family != state.FamilyName || number != state.StudentInformationNumber)
            events.Add(new StudentDetailsChanged(id, given, family, number, actor, at));
        if (email != state.Email)
            events.Add(new StudentEmailChanged(id, email, actor, at));
        if (yearGroup != state.YearGroup)
            events.Add(new StudentYearGroupChanged(id, yearGroup, actor, at));
        return [.. events];
    }

    /// <summary>The student's year group as it is when the form sends it back unchanged (by id or name), else one of the school's.</summary>
    private static string KeptOrSchoolYearGroup(KnownSchool school, string current, string? entered)
    {
        var value = ValidYearGroup(entered);
        return value == current || school.YearGroupIdFor(value) == current ? current : YearGroupOf(school, value);
    }

    /// <summary>
    /// The school's rules hold for a number staff enter now. A number kept as it was (from the MIS, or from before the
    /// school tightened its rules) does not stop staff correcting a name.
    /// </summary>
    private static string? NumberAsEdited(KnownSchool school, string? current, string? entered)
    {
        var value = ValidStudentInformationNumber(entered);
        return value == current ? value : StudentInformationNumberOf(school, value);
    }
}
