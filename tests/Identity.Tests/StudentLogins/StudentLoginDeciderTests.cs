using Portal.Identity.Students;
using Portal.Testing;
using static Portal.Identity.Students.StudentLoginReasons;

namespace Portal.Identity.Tests.StudentLogins;

/// <summary>The eligibility rule alone: one decision against the account's events, given/when/then.</summary>
public class StudentLoginDeciderTests
{
    static readonly Guid Org = Guid.NewGuid();
    static readonly Guid School = Guid.NewGuid();
    static readonly Guid OtherSchool = Guid.NewGuid();
    static readonly Guid Id = Guid.NewGuid();
    static readonly DateTimeOffset At = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    static readonly SchoolLoginSettings Y10 = new(School, true, ["Y10"], 1);

    static RosteredStudent Student(string yearGroup = "Y10", string? email = "Ada.Lovelace@School.test", bool left = false,
        bool deleted = false, Guid? school = null) =>
        new(Id, school ?? School, "MIS-1", "Ada", "Lovelace", yearGroup, email, left, deleted, 1);

    static Func<StudentLoginState?, IEnumerable<object>> Deciding(
        RosteredStudent student, SchoolLoginSettings? settings, bool taken = false) =>
        state => StudentLogin.Decide(new DecideStudentLogin(Org, student, settings, taken, At), state);

    static readonly StudentLoginEnabled Enabled = new(Id, Org, School, "ada.lovelace@school.test", At);

    [Fact]
    public void An_eligible_student_gets_a_login_named_by_their_lower_cased_email() =>
        DeciderSpec<StudentLoginState>.Given().WhenStarting(Deciding(Student(), Y10)).Then(Enabled);

    [Theory]
    [InlineData(false, "Y10", "ada@school.test", false, false, StudentLoginsOff)]
    [InlineData(true, "Y11", "ada@school.test", false, false, YearGroupNotEnabled)]
    [InlineData(true, "Y10", null, false, false, NoEmail)]
    [InlineData(true, "Y10", "   ", false, false, NoEmail)]
    [InlineData(true, "Y10", "ada@school.test", true, false, Left)]
    [InlineData(true, "Y10", "ada@school.test", false, true, Deleted)]
    public void Each_missing_condition_disables_an_enabled_login_with_its_reason(
        bool schoolOn, string yearGroup, string? email, bool left, bool deleted, string reason)
    {
        var settings = Y10 with { Enabled = schoolOn };
        DeciderSpec<StudentLoginState>.Given(Enabled)
            .When(Deciding(Student(yearGroup, email, left, deleted), settings))
            .Then(new StudentLoginDisabled(Id, Org, School, reason, At));
        DeciderSpec<StudentLoginState>.Given().WhenStarting(Deciding(Student(yearGroup, email, left, deleted), settings)).ThenNothing();
    }

    [Fact]
    public void A_school_whose_setting_is_unknown_has_student_logins_off() =>
        DeciderSpec<StudentLoginState>.Given(Enabled).When(Deciding(Student(), null))
            .Then(new StudentLoginDisabled(Id, Org, School, StudentLoginsOff, At));

    [Fact]
    public void Year_groups_match_whatever_their_case_and_surrounding_spaces() =>
        DeciderSpec<StudentLoginState>.Given().WhenStarting(Deciding(Student(" y10 "), Y10)).Then(Enabled);

    [Fact]
    public void A_disabled_login_is_reactivated_when_the_student_is_eligible_again() =>
        DeciderSpec<StudentLoginState>.Given(Enabled, new StudentLoginDisabled(Id, Org, School, Left, At))
            .When(Deciding(Student(), Y10)).Then(Enabled);

    [Fact]
    public void Nothing_happens_when_the_decision_does_not_change()
    {
        DeciderSpec<StudentLoginState>.Given(Enabled).When(Deciding(Student(), Y10)).ThenNothing();
        DeciderSpec<StudentLoginState>.Given(Enabled, new StudentLoginDisabled(Id, Org, School, Left, At))
            .When(Deciding(Student(left: true), Y10)).ThenNothing();
    }

    [Fact]
    public void A_changed_email_while_enabled_moves_the_username() =>
        DeciderSpec<StudentLoginState>.Given(Enabled).When(Deciding(Student(email: "A.Lovelace@school.test"), Y10))
            .Then(new StudentUsernameChanged(Id, Org, School, "a.lovelace@school.test", At));

    [Fact]
    public void A_changed_email_while_disabled_is_only_taken_up_when_the_login_is_enabled_again()
    {
        var disabled = new StudentLoginDisabled(Id, Org, School, YearGroupNotEnabled, At);
        DeciderSpec<StudentLoginState>.Given(Enabled, disabled).When(Deciding(Student("Y11", "new@school.test"), Y10)).ThenNothing();
        DeciderSpec<StudentLoginState>.Given(Enabled, disabled).When(Deciding(Student("Y10", "new@school.test"), Y10))
            .Then(Enabled with { Username = "new@school.test" });
    }

    [Fact]
    public void An_email_held_by_another_account_withholds_the_login_once_with_the_reason()
    {
        var withheld = new StudentLoginWithheld(Id, Org, School, "ada.lovelace@school.test", UsernameTaken, At);
        DeciderSpec<StudentLoginState>.Given().WhenStarting(Deciding(Student(), Y10, taken: true)).Then(withheld);
        DeciderSpec<StudentLoginState>.Given(withheld).When(Deciding(Student(), Y10, taken: true)).ThenNothing();
        DeciderSpec<StudentLoginState>.Given(withheld).When(Deciding(Student(), Y10)).Then(Enabled);
    }

    [Fact]
    public void A_new_email_held_by_another_account_keeps_the_old_username_and_records_why()
    {
        var withheld = new StudentLoginWithheld(Id, Org, School, "taken@school.test", UsernameTaken, At);
        DeciderSpec<StudentLoginState>.Given(Enabled).When(Deciding(Student(email: "taken@school.test"), Y10, taken: true)).Then(withheld);
        Assert.Equal(("ada.lovelace@school.test", true), Username(Enabled, withheld));
    }

    [Fact]
    public void An_enabled_student_moved_to_a_school_with_their_year_enabled_keeps_the_login_there()
    {
        var there = new SchoolLoginSettings(OtherSchool, true, ["Y10"], 1);
        DeciderSpec<StudentLoginState>.Given(Enabled).When(Deciding(Student(school: OtherSchool), there))
            .Then(new StudentLoginMoved(Id, Org, OtherSchool, At));
        DeciderSpec<StudentLoginState>.Given(Enabled).When(Deciding(Student(school: OtherSchool), there with { YearGroups = ["Y11"] }))
            .Then(new StudentLoginDisabled(Id, Org, OtherSchool, YearGroupNotEnabled, At));
    }

    static (string?, bool) Username(params object[] events)
    {
        var state = DeciderSpec<StudentLoginState>.StateAfter(events);
        return (state.Username, state.Enabled);
    }
}
