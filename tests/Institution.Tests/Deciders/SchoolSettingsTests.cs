using Portal.Institution.Schools;

namespace Portal.Institution.Tests.Deciders;

/// <summary>The single-valued school settings: student information number rules and the on/off switches.</summary>
public class SchoolSettingsTests
{
    static DeciderSpec<SchoolState> Given(params object[] events) =>
        DeciderSpec<SchoolState>.Given([Sample.SchoolRegistered(), .. events]);

    static Func<SchoolState, IEnumerable<object>> SinRules(bool required, int minimumLength, bool numericOnly) => state =>
        School.Decide(new SetStudentInformationNumberRules(Sample.SchoolId, required, minimumLength, numericOnly, Sample.Admin, Sample.At), state);

    [Fact]
    public void Setting_student_information_number_rules_records_them() =>
        Given().When(SinRules(true, 8, true))
            .Then(new StudentInformationNumberRulesSet(Sample.SchoolId, true, 8, true, Sample.Admin, Sample.At));

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    public void Minimum_length_at_the_ends_of_0_to_20_is_accepted(int minimumLength) =>
        Given().When(SinRules(true, minimumLength, false))
            .Then(new StudentInformationNumberRulesSet(Sample.SchoolId, true, minimumLength, false, Sample.Admin, Sample.At));

    [Theory]
    [InlineData(-1)]
    [InlineData(21)]
    public void Minimum_length_outside_0_to_20_is_invalid(int minimumLength) =>
        Given().When(SinRules(true, minimumLength, false))
            .ThenInvalid("minimumLength", $"Minimum length must be between 0 and 20 (was {minimumLength}).");

    [Fact]
    public void Setting_the_current_student_information_number_rules_records_nothing() =>
        Given(new StudentInformationNumberRulesSet(Sample.SchoolId, true, 8, true, Sample.Admin, Sample.Earlier))
            .When(SinRules(true, 8, true))
            .ThenNothing();

    [Fact]
    public void Allowing_second_languages_records_it() =>
        Given()
            .When(state => School.Decide(new SetSecondLanguagesAllowed(Sample.SchoolId, true, Sample.Admin, Sample.At), state))
            .Then(new SecondLanguagesAllowedSet(Sample.SchoolId, true, Sample.Admin, Sample.At));

    [Fact]
    public void Disallowing_second_languages_when_they_are_not_allowed_records_nothing() =>
        Given()
            .When(state => School.Decide(new SetSecondLanguagesAllowed(Sample.SchoolId, false, Sample.Admin, Sample.At), state))
            .ThenNothing();

    [Fact]
    public void Letting_teachers_create_students_records_it() =>
        Given()
            .When(state => School.Decide(new SetTeacherStudentCreation(Sample.SchoolId, true, Sample.Admin, Sample.At), state))
            .Then(new TeacherStudentCreationSet(Sample.SchoolId, true, Sample.Admin, Sample.At));

    [Fact]
    public void Stopping_teachers_creating_students_records_it() =>
        Given(new TeacherStudentCreationSet(Sample.SchoolId, true, Sample.Admin, Sample.Earlier))
            .When(state => School.Decide(new SetTeacherStudentCreation(Sample.SchoolId, false, Sample.Admin, Sample.At), state))
            .Then(new TeacherStudentCreationSet(Sample.SchoolId, false, Sample.Admin, Sample.At));

    [Fact]
    public void Letting_teachers_create_students_when_they_may_records_nothing() =>
        Given(new TeacherStudentCreationSet(Sample.SchoolId, true, Sample.Admin, Sample.Earlier))
            .When(state => School.Decide(new SetTeacherStudentCreation(Sample.SchoolId, true, Sample.Admin, Sample.At), state))
            .ThenNothing();

    [Fact]
    public void Hiding_parent_self_registration_records_it() =>
        Given()
            .When(state => School.Decide(new SetParentSelfRegistrationVisible(Sample.SchoolId, false, Sample.Admin, Sample.At), state))
            .Then(new ParentSelfRegistrationVisibilitySet(Sample.SchoolId, false, Sample.Admin, Sample.At));

    [Fact]
    public void Showing_parent_self_registration_when_it_shows_records_nothing() =>
        Given()
            .When(state => School.Decide(new SetParentSelfRegistrationVisible(Sample.SchoolId, true, Sample.Admin, Sample.At), state))
            .ThenNothing();

    [Fact]
    public void Requiring_staff_two_factor_records_it() =>
        Given()
            .When(state => School.Decide(new SetStaffTwoFactorRequired(Sample.SchoolId, true, Sample.Admin, Sample.At), state))
            .Then(new StaffTwoFactorRequirementSet(Sample.SchoolId, true, Sample.Admin, Sample.At));

    [Fact]
    public void Requiring_staff_two_factor_when_required_records_nothing() =>
        Given(new StaffTwoFactorRequirementSet(Sample.SchoolId, true, Sample.Admin, Sample.Earlier))
            .When(state => School.Decide(new SetStaffTwoFactorRequired(Sample.SchoolId, true, Sample.Admin, Sample.At), state))
            .ThenNothing();

    [Fact]
    public void Recorded_settings_are_what_the_school_has()
    {
        var school = Sample.SchoolWith(
            new StudentInformationNumberRulesSet(Sample.SchoolId, true, 6, true, Sample.Admin, Sample.At),
            new SecondLanguagesAllowedSet(Sample.SchoolId, true, Sample.Admin, Sample.At),
            new TeacherStudentCreationSet(Sample.SchoolId, true, Sample.Admin, Sample.At),
            new ParentSelfRegistrationVisibilitySet(Sample.SchoolId, false, Sample.Admin, Sample.At),
            new StaffTwoFactorRequirementSet(Sample.SchoolId, true, Sample.Admin, Sample.At));

        Assert.Equal(new StudentInformationNumberRules(true, 6, true), school.StudentInformationNumberRules);
        Assert.True(school.SecondLanguagesAllowed);
        Assert.True(school.TeacherStudentCreationAllowed);
        Assert.False(school.ParentSelfRegistrationVisible);
        Assert.True(school.StaffTwoFactorRequired);
    }
}
