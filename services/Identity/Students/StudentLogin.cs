using Portal.Identity.Accounts;
using static Portal.Identity.Students.StudentLoginReasons;

namespace Portal.Identity.Students;

/// <summary>
/// Re-decide one student's login from what Identity now knows of them and their school. <see cref="UsernameTaken"/>
/// says whether their email is already another account's sign-in name.
/// </summary>
public sealed record DecideStudentLogin(
    Guid OrganisationId, RosteredStudent Student, SchoolLoginSettings? School, bool UsernameTaken, DateTimeOffset At);

/// <summary>
/// The eligibility rule (issue 6): a student has a login when their school has student logins on, their year group
/// is among the enabled ones, the MIS gave them an email, and they have neither left nor been deleted. Only a change
/// of the outcome produces events, so re-deciding a whole school is safe.
/// </summary>
public static class StudentLogin
{
    public static string Username(string? email) => SignInName.Normalise(email);

    /// <returns>Why the student may not have a login, or null when they may.</returns>
    public static string? Ineligibility(RosteredStudent student, SchoolLoginSettings? school) =>
        student.Deleted ? Deleted
        : student.Left ? Left
        : school is not { Enabled: true } ? StudentLoginsOff
        : !school.Enables(student.YearGroup) ? YearGroupNotEnabled
        : Username(student.Email).Length == 0 ? NoEmail
        : null;

    public static object[] Decide(DecideStudentLogin command, StudentLoginState? state)
    {
        var (org, student, at) = (command.OrganisationId, command.Student, command.At.ToUniversalTime());
        var enabled = state is { Enabled: true };

        if (Ineligibility(student, command.School) is { } reason)
            return enabled ? [new StudentLoginDisabled(student.Id, org, student.SchoolId, reason, at)] : [];

        var username = Username(student.Email);
        if (enabled && state!.Username == username)
            return state.SchoolId == student.SchoolId ? [] : [new StudentLoginMoved(student.Id, org, student.SchoolId, at)];
        if (command.UsernameTaken)
            return state?.Withheld == username ? [] : [new StudentLoginWithheld(student.Id, org, student.SchoolId, username, UsernameTaken, at)];
        if (!enabled)
            return [new StudentLoginEnabled(student.Id, org, student.SchoolId, username, at)];

        object[] renamed = [new StudentUsernameChanged(student.Id, org, student.SchoolId, username, at)];
        return state!.SchoolId == student.SchoolId ? renamed : [.. renamed, new StudentLoginMoved(student.Id, org, student.SchoolId, at)];
    }
}
