using Portal.Institution.Schools;
using Portal.Institution.SupportCases;
// Schools also has a StudentLoginsRequest (the HTTP body of the settings endpoint).
using StudentLoginsRequest = Portal.Institution.SupportCases.StudentLoginsRequest;

namespace Portal.Institution.Tests.Deciders;

public class SupportCaseTests
{
    static readonly DateTimeOffset DecidedAt = new(2026, 9, 2, 10, 0, 0, TimeSpan.Zero);

    static DeciderSpec<SupportCaseState> Given(params object[] events) =>
        DeciderSpec<SupportCaseState>.Given([Sample.CaseRaised("Y7"), .. events]);

    static Func<SupportCaseState?, IEnumerable<object>> Raise(SchoolState school, string? note, params string[] yearGroups) => state =>
        SupportCase.Decide(new RaiseStudentLoginsCase(Sample.CaseId, Sample.SchoolId, yearGroups, note, Sample.Admin, Sample.At), state, school);

    static Func<SupportCaseState, IEnumerable<object>> Approve() => state =>
        SupportCase.Decide(new ApproveSupportCase(Sample.CaseId, Sample.Operator, Sample.At), state);

    static Func<SupportCaseState, IEnumerable<object>> Reject(string reason) => state =>
        SupportCase.Decide(new RejectSupportCase(Sample.CaseId, reason, Sample.Operator, Sample.At), state);

    [Fact]
    public void Raising_a_student_logins_case_records_the_year_groups_in_school_order_and_the_note() =>
        DeciderSpec<SupportCaseState>.Given()
            .WhenStarting(Raise(Sample.SchoolWith(), " Please turn on Year 7 and 8. ", "Y8", "Y7", "Y8"))
            .Then(new StudentLoginsCaseRaised(Sample.CaseId, Sample.SchoolId, ["Y7", "Y8"], "Please turn on Year 7 and 8.", Sample.Admin, Sample.At));

    [Fact]
    public void A_raised_case_is_an_open_student_logins_case()
    {
        var raised = DeciderSpec<SupportCaseState>.StateAfter(Sample.CaseRaised("Y7"));

        Assert.Equal(SupportCaseStatus.Open, raised.Status);
        Assert.Equal("Student logins to the portal", raised.Kind);
        Assert.Equal(["Y7"], raised.YearGroups);
        Assert.Equal(Sample.Admin, raised.RaisedBy);
    }

    [Fact]
    public void A_blank_note_is_recorded_as_none() =>
        DeciderSpec<SupportCaseState>.Given()
            .WhenStarting(Raise(Sample.SchoolWith(), "   ", "Y7"))
            .Then(new StudentLoginsCaseRaised(Sample.CaseId, Sample.SchoolId, ["Y7"], null, Sample.Admin, Sample.At));

    [Fact]
    public void A_note_over_2000_characters_is_invalid() =>
        DeciderSpec<SupportCaseState>.Given()
            .WhenStarting(Raise(Sample.SchoolWith(), new string('n', 2001), "Y7"))
            .ThenInvalid("note", "Note must be at most 2000 characters (it has 2001).");

    [Fact]
    public void Raising_a_case_without_year_groups_is_invalid() =>
        DeciderSpec<SupportCaseState>.Given()
            .WhenStarting(Raise(Sample.SchoolWith(), null))
            .ThenInvalid("yearGroups", "Choose at least one year group for student logins.");

    [Fact]
    public void Raising_a_case_for_an_unknown_year_group_is_invalid_naming_it() =>
        DeciderSpec<SupportCaseState>.Given()
            .WhenStarting(Raise(Sample.SchoolWith(), null, "Y7", "Y15"))
            .ThenInvalid("yearGroups", "The school has no year group 'Y15'; its year groups are R, Y1, Y2, Y3, Y4, Y5, Y6, Y7, Y8, Y9, Y10, Y11, Y12, Y13.");

    [Fact]
    public void Raising_a_case_for_year_groups_that_already_have_logins_is_refused() =>
        DeciderSpec<SupportCaseState>.Given()
            .WhenStarting(Raise(Sample.SchoolWith(Sample.StudentLoginsOn("Y7", "Y8")), null, "Y7", "Y8"))
            .ThenRefused("Student logins are already on for Year 7 and Year 8; there is nothing to request.");

    [Fact]
    public void Raising_a_case_for_some_year_groups_that_already_have_logins_is_accepted() =>
        DeciderSpec<SupportCaseState>.Given()
            .WhenStarting(Raise(Sample.SchoolWith(Sample.StudentLoginsOn("Y7")), null, "Y7", "Y8"))
            .Then(new StudentLoginsCaseRaised(Sample.CaseId, Sample.SchoolId, ["Y7", "Y8"], null, Sample.Admin, Sample.At));

    [Fact]
    public void Raising_a_case_that_exists_is_refused() =>
        Given()
            .WhenStarting(Raise(Sample.SchoolWith(), null, "Y8"))
            .ThenRefused($"Support case {Sample.CaseId} already exists.");

    [Fact]
    public void Raising_a_case_without_an_id_is_invalid() =>
        DeciderSpec<SupportCaseState>.Given()
            .WhenStarting(state => SupportCase.Decide(
                new RaiseStudentLoginsCase(Guid.Empty, Sample.SchoolId, ["Y7"], null, Sample.Admin, Sample.At), state, Sample.SchoolWith()))
            .ThenInvalid("caseId", "Case id is required.");

    [Fact]
    public void Approving_an_open_case_records_who_approved_it() =>
        Given().When(Approve()).Then(new SupportCaseApproved(Sample.CaseId, Sample.SchoolId, Sample.Operator, Sample.At));

    [Fact]
    public void Approving_an_approved_case_is_refused_saying_when_it_was_approved() =>
        Given(new SupportCaseApproved(Sample.CaseId, Sample.SchoolId, Sample.Operator, DecidedAt))
            .When(Approve())
            .ThenRefused("Only an open case can be approved; this case was already approved on 2026-09-02.");

    [Fact]
    public void Approving_a_rejected_case_is_refused_saying_it_was_rejected() =>
        Given(new SupportCaseRejected(Sample.CaseId, Sample.SchoolId, "Duplicate.", Sample.Operator, DecidedAt))
            .When(Approve())
            .ThenRefused("Only an open case can be approved; this case was already rejected on 2026-09-02.");

    [Fact]
    public void Rejecting_an_open_case_records_the_reason() =>
        Given().When(Reject(" Raise it from the trust account. "))
            .Then(new SupportCaseRejected(Sample.CaseId, Sample.SchoolId, "Raise it from the trust account.", Sample.Operator, Sample.At));

    [Fact]
    public void Rejecting_without_a_reason_is_invalid() =>
        Given().When(Reject(" ")).ThenInvalid("reason", "A reason for rejecting the case is required.");

    [Fact]
    public void Rejecting_an_approved_case_is_refused() =>
        Given(new SupportCaseApproved(Sample.CaseId, Sample.SchoolId, Sample.Operator, DecidedAt))
            .When(Reject("Changed my mind."))
            .ThenRefused("Only an open case can be rejected; this case was already approved on 2026-09-02.");

    [Fact]
    public void A_decided_case_remembers_who_decided_when_and_why()
    {
        var rejected = DeciderSpec<SupportCaseState>.StateAfter(Sample.CaseRaised("Y7"),
            new SupportCaseRejected(Sample.CaseId, Sample.SchoolId, "Duplicate.", Sample.Operator, DecidedAt));

        Assert.Equal((SupportCaseStatus.Rejected, Sample.Operator, DecidedAt, "Duplicate."),
            (rejected.Status, rejected.DecidedBy, rejected.DecidedAt, rejected.RejectionReason));
    }

    [Fact]
    public void Approval_turns_logins_on_for_the_year_groups_already_on_and_the_requested_ones()
    {
        var school = Sample.SchoolWith(Sample.StudentLoginsOn("Y9", "Y10"));

        var settings = StudentLoginsRequest.SettingsAfterApproval(school, ["Y8", "Y7"], Sample.Operator, Sample.At);

        Assert.Equal(new ConfigureStudentLogins(Sample.SchoolId, true, settings.YearGroups, Sample.Operator, Sample.At), settings);
        Assert.Equal(["Y7", "Y8", "Y9", "Y10"], settings.YearGroups);
    }

    [Fact]
    public void Approval_ignores_year_groups_kept_while_logins_are_off()
    {
        var school = Sample.SchoolWith(new StudentLoginsConfigured(Sample.SchoolId, false, ["Y9"], Sample.Admin, Sample.Earlier));

        var settings = StudentLoginsRequest.SettingsAfterApproval(school, ["Y7"], Sample.Operator, Sample.At);

        Assert.True(settings.Enabled);
        Assert.Equal(["Y7"], settings.YearGroups);
    }

    [Fact]
    public void Approval_the_school_no_longer_needs_changes_nothing_there()
    {
        var school = Sample.SchoolWith(Sample.StudentLoginsOn("Y7", "Y8"));

        var settings = StudentLoginsRequest.SettingsAfterApproval(school, ["Y7"], Sample.Operator, Sample.At);

        Assert.Empty(School.Decide(settings, school));
    }

    [Fact]
    public void Approval_of_a_case_for_a_year_group_the_school_removed_is_refused()
    {
        var school = Sample.SchoolWith(new YearGroupRemoved(Sample.SchoolId, "Y13", Sample.Admin, Sample.Earlier));

        var refusal = Assert.Throws<Portal.ServiceDefaults.Problems.RuleViolation>(
            () => StudentLoginsRequest.SettingsAfterApproval(school, ["Y12", "Y13"], Sample.Operator, Sample.At));

        Assert.Equal("The case asks for year group 'Y13', which the school no longer has; reject the case or add the year group back.", refusal.Message);
    }

    [Fact]
    public void Approval_settings_are_accepted_by_the_school_decider() =>
        DeciderSpec<SchoolState>.Given(Sample.SchoolRegistered(), Sample.StudentLoginsOn("Y9"))
            .When(school => School.Decide(StudentLoginsRequest.SettingsAfterApproval(school, ["Y7"], Sample.Operator, Sample.At), school))
            .Then(new StudentLoginsConfigured(Sample.SchoolId, true, ["Y7", "Y9"], Sample.Operator, Sample.At));
}
