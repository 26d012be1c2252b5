using Portal.Identity.Students;
using Portal.Identity.Students.StartCards.Codes;
using Portal.Testing;
using static Portal.Identity.Students.StartCards.Codes.StudentSetupCode;

namespace Portal.Identity.Tests.StartCards;

/// <summary>Setup codes given the student-account stream, when printed or used: no database.</summary>
public class SetupCodeDeciderTests
{
    static readonly Guid Student = Guid.NewGuid();
    static readonly Guid Org = Guid.NewGuid();
    static readonly Guid School = Guid.NewGuid();
    static readonly Guid Teacher = Guid.NewGuid();
    static readonly DateTimeOffset At = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Expires = At.AddDays(14);

    static readonly StudentLoginEnabled Enabled = new(Student, Org, School, "sam@school.test", At.AddDays(-1));
    static readonly (string Code, string Hash) First = SetupCodes.New();
    static readonly (string Code, string Hash) Second = SetupCodes.New();

    static StudentSetupCodeIssued Issued((string Code, string Hash) code, DateTimeOffset at) =>
        new(Student, Org, School, code.Hash, at.AddDays(14), Teacher, at);

    static Func<StudentSetupCodeState, IEnumerable<object>> Use(string code, DateTimeOffset at) =>
        s => StudentSetupCode.Decide(new UseSetupCode(Student, code, at), s);

    [Fact]
    public void Printing_a_card_issues_a_code_for_an_enabled_login() =>
        DeciderSpec<StudentSetupCodeState>.Given(Enabled)
            .When(s => StudentSetupCode.Decide(new IssueSetupCode(Student, First.Hash, Expires, Teacher, At), s))
            .Then(new StudentSetupCodeIssued(Student, Org, School, First.Hash, Expires, Teacher, At));

    [Fact]
    public void A_disabled_or_withheld_login_or_an_unknown_student_gets_no_code()
    {
        var refusal = $"Student {Student} has no enabled login: start cards are printed only for students who may sign in.";
        DeciderSpec<StudentSetupCodeState>.Given(Enabled, new StudentLoginDisabled(Student, Org, School, StudentLoginReasons.Left, At))
            .When(s => StudentSetupCode.Decide(new IssueSetupCode(Student, First.Hash, Expires, Teacher, At), s))
            .ThenRefused(refusal);
        DeciderSpec<StudentSetupCodeState>.Given(new StudentLoginWithheld(Student, Org, School, "sam@school.test", StudentLoginReasons.UsernameTaken, At))
            .When(s => StudentSetupCode.Decide(new IssueSetupCode(Student, First.Hash, Expires, Teacher, At), s))
            .ThenRefused(refusal);
        DeciderSpec<StudentSetupCodeState>.Given()
            .WhenStarting(s => StudentSetupCode.Decide(new IssueSetupCode(Student, First.Hash, Expires, Teacher, At), s))
            .ThenRefused(refusal);
    }

    [Fact]
    public void A_code_that_expires_when_issued_is_invalid() =>
        DeciderSpec<StudentSetupCodeState>.Given(Enabled)
            .When(s => StudentSetupCode.Decide(new IssueSetupCode(Student, First.Hash, At, Teacher, At), s))
            .ThenInvalid("expiresAt", "A setup code must expire after it is issued.");

    [Fact]
    public void The_code_as_printed_is_used_once() =>
        DeciderSpec<StudentSetupCodeState>.Given(Enabled, Issued(First, At))
            .When(Use(First.Code, At.AddDays(1)))
            .Then(new StudentSetupCodeUsed(Student, Org, At.AddDays(1)));

    [Fact]
    public void The_code_may_be_typed_in_lower_case_without_dashes() =>
        DeciderSpec<StudentSetupCodeState>.Given(Enabled, Issued(First, At))
            .When(Use(" " + First.Code.Replace("-", "").ToLowerInvariant() + " ", At.AddDays(1)))
            .Then(new StudentSetupCodeUsed(Student, Org, At.AddDays(1)));

    [Fact]
    public void A_used_code_is_refused_the_second_time() =>
        DeciderSpec<StudentSetupCodeState>.Given(Enabled, Issued(First, At), new StudentSetupCodeUsed(Student, Org, At.AddHours(1)))
            .When(Use(First.Code, At.AddHours(2)))
            .ThenRefused(AlreadyUsed);

    [Fact]
    public void Reissuing_replaces_the_previous_code()
    {
        DeciderSpec<StudentSetupCodeState>.Given(Enabled, Issued(First, At), Issued(Second, At.AddDays(1)))
            .When(Use(First.Code, At.AddDays(2)))
            .ThenRefused(WrongCode);
        DeciderSpec<StudentSetupCodeState>.Given(Enabled, Issued(First, At), Issued(Second, At.AddDays(1)))
            .When(Use(Second.Code, At.AddDays(2)))
            .Then(new StudentSetupCodeUsed(Student, Org, At.AddDays(2)));
    }

    [Fact]
    public void Reissuing_after_use_gives_a_working_code_again() =>
        DeciderSpec<StudentSetupCodeState>.Given(Enabled, Issued(First, At), new StudentSetupCodeUsed(Student, Org, At.AddHours(1)), Issued(Second, At.AddDays(1)))
            .When(Use(Second.Code, At.AddDays(2)))
            .Then(new StudentSetupCodeUsed(Student, Org, At.AddDays(2)));

    [Fact]
    public void An_expired_code_is_refused_from_the_moment_it_expires()
    {
        DeciderSpec<StudentSetupCodeState>.Given(Enabled, Issued(First, At))
            .When(Use(First.Code, Expires))
            .ThenRefused(Expired);
        DeciderSpec<StudentSetupCodeState>.Given(Enabled, Issued(First, At))
            .When(Use(First.Code, Expires.AddTicks(-1)))
            .Then(new StudentSetupCodeUsed(Student, Org, Expires.AddTicks(-1)));
    }

    [Fact]
    public void A_wrong_or_missing_code_is_refused()
    {
        DeciderSpec<StudentSetupCodeState>.Given(Enabled, Issued(First, At)).When(Use(Second.Code, At)).ThenRefused(WrongCode);
        DeciderSpec<StudentSetupCodeState>.Given(Enabled, Issued(First, At)).When(Use("", At)).ThenRefused(WrongCode);
        DeciderSpec<StudentSetupCodeState>.Given(Enabled).When(Use(First.Code, At)).ThenRefused(NoCode);
    }

    [Fact]
    public void Disabling_the_login_kills_the_code_and_reenabling_does_not_revive_it()
    {
        var disabled = new StudentLoginDisabled(Student, Org, School, StudentLoginReasons.YearGroupNotEnabled, At.AddHours(1));
        DeciderSpec<StudentSetupCodeState>.Given(Enabled, Issued(First, At), disabled)
            .When(Use(First.Code, At.AddHours(2)))
            .ThenRefused(NoLogin);
        DeciderSpec<StudentSetupCodeState>.Given(Enabled, Issued(First, At), disabled, Enabled with { At = At.AddHours(2) })
            .When(Use(First.Code, At.AddHours(3)))
            .ThenRefused(NoCode);
    }

    [Fact]
    public void A_student_who_moved_school_keeps_their_code() =>
        DeciderSpec<StudentSetupCodeState>.Given(Enabled, Issued(First, At), new StudentLoginMoved(Student, Org, Guid.NewGuid(), At.AddHours(1)))
            .When(Use(First.Code, At.AddHours(2)))
            .Then(new StudentSetupCodeUsed(Student, Org, At.AddHours(2)));
}
