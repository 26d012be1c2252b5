using Portal.Institution.Schools;

namespace Portal.Institution.Tests.Deciders;

public class SchoolTests
{
    static DeciderSpec<SchoolState> New() => DeciderSpec<SchoolState>.Given();

    static Func<SchoolState?, IEnumerable<object>> Register(string name = "Hillside Academy", string code = "137001",
        SchoolPhase phase = SchoolPhase.Secondary, Guid? organisationId = null) => state =>
        School.Decide(new RegisterSchool(Sample.SchoolId, organisationId ?? Sample.OrganisationId, name, code, phase, Sample.Admin, Sample.At), state);

    [Fact]
    public void Registering_a_school_starts_it_with_reception_to_year_13() =>
        New()
            .WhenStarting(Register(name: " Hillside Academy ", code: " 137001 "))
            .Then(new SchoolRegistered(Sample.SchoolId, Sample.OrganisationId, "Hillside Academy", "137001", SchoolPhase.Secondary,
                [
                    new("R", "Reception"), new("Y1", "Year 1"), new("Y2", "Year 2"), new("Y3", "Year 3"), new("Y4", "Year 4"),
                    new("Y5", "Year 5"), new("Y6", "Year 6"), new("Y7", "Year 7"), new("Y8", "Year 8"), new("Y9", "Year 9"),
                    new("Y10", "Year 10"), new("Y11", "Year 11"), new("Y12", "Year 12"), new("Y13", "Year 13"),
                ],
                Sample.Admin, Sample.At));

    [Fact]
    public void A_new_school_has_the_documented_default_settings()
    {
        var school = Sample.SchoolWith();

        Assert.False(school.StudentLogins.Enabled);
        Assert.Empty(school.StudentLogins.YearGroups);
        Assert.Equal(["dashboard"], school.VisiblePages);
        Assert.Equal(new StudentInformationNumberRules(Required: false, MinimumLength: 0, NumericOnly: false), school.StudentInformationNumberRules);
        Assert.False(school.SecondLanguagesAllowed);
        Assert.False(school.TeacherStudentCreationAllowed);
        Assert.Null(school.ParentPortalLogo);
        Assert.True(school.ParentSelfRegistrationVisible);
        Assert.False(school.StaffTwoFactorRequired);
    }

    [Fact]
    public void Registering_a_school_that_exists_is_refused() =>
        DeciderSpec<SchoolState>.Given(Sample.SchoolRegistered())
            .WhenStarting(Register())
            .ThenRefused($"School 'Hillside Academy' is already registered with id {Sample.SchoolId}.");

    [Fact]
    public void Registering_without_a_name_is_invalid() =>
        New().WhenStarting(Register(name: " ")).ThenInvalid("name", "School name is required.");

    [Fact]
    public void Registering_with_a_name_over_200_characters_is_invalid() =>
        New().WhenStarting(Register(name: new string('x', 201))).ThenInvalid("name", "School name must be at most 200 characters (it has 201).");

    [Fact]
    public void Registering_without_a_code_is_invalid() =>
        New().WhenStarting(Register(code: "")).ThenInvalid("code", "School code is required.");

    [Fact]
    public void Registering_with_a_code_over_20_characters_is_invalid() =>
        New().WhenStarting(Register(code: "ABCDEFGHIJKLMNOPQRSTU")).ThenInvalid("code", "School code must be at most 20 characters (it has 21).");

    [Fact]
    public void Registering_with_an_unknown_phase_is_invalid() =>
        New().WhenStarting(Register(phase: (SchoolPhase)99))
            .ThenInvalid("phase", "Phase must be one of Nursery, Primary, Middle, Secondary, AllThrough, Special, SixthForm, AlternativeProvision.");

    [Fact]
    public void Registering_without_an_organisation_is_invalid() =>
        New().WhenStarting(Register(organisationId: Guid.Empty)).ThenInvalid("organisationId", "Organisation id is required.");

    [Fact]
    public void Registering_without_a_school_id_is_invalid() =>
        New()
            .WhenStarting(state => School.Decide(
                new RegisterSchool(Guid.Empty, Sample.OrganisationId, "X", "1", SchoolPhase.Primary, Sample.Admin, Sample.At), state))
            .ThenInvalid("schoolId", "School id is required.");

    [Fact]
    public void Editing_details_records_the_new_name_code_and_phase() =>
        DeciderSpec<SchoolState>.Given(Sample.SchoolRegistered())
            .When(state => School.Decide(
                new EditSchoolDetails(Sample.SchoolId, " Hillside School ", "HS-1", SchoolPhase.AllThrough, Sample.Admin, Sample.At), state))
            .Then(new SchoolDetailsEdited(Sample.SchoolId, "Hillside School", "HS-1", SchoolPhase.AllThrough, Sample.Admin, Sample.At));

    [Fact]
    public void Editing_details_to_what_they_are_records_nothing() =>
        DeciderSpec<SchoolState>.Given(Sample.SchoolRegistered())
            .When(state => School.Decide(
                new EditSchoolDetails(Sample.SchoolId, "Hillside Academy ", " 137001", SchoolPhase.Secondary, Sample.Admin, Sample.At), state))
            .ThenNothing();

    [Fact]
    public void Editing_details_with_a_blank_code_is_invalid() =>
        DeciderSpec<SchoolState>.Given(Sample.SchoolRegistered())
            .When(state => School.Decide(
                new EditSchoolDetails(Sample.SchoolId, "Hillside Academy", " ", SchoolPhase.Secondary, Sample.Admin, Sample.At), state))
            .ThenInvalid("code", "School code is required.");

    [Fact]
    public void Editing_details_with_a_blank_name_is_invalid() =>
        DeciderSpec<SchoolState>.Given(Sample.SchoolRegistered())
            .When(state => School.Decide(
                new EditSchoolDetails(Sample.SchoolId, "", "137001", SchoolPhase.Secondary, Sample.Admin, Sample.At), state))
            .ThenInvalid("name", "School name is required.");

    [Fact]
    public void Editing_details_with_an_unknown_phase_is_invalid() =>
        DeciderSpec<SchoolState>.Given(Sample.SchoolRegistered())
            .When(state => School.Decide(
                new EditSchoolDetails(Sample.SchoolId, "Hillside Academy", "137001", (SchoolPhase)(-1), Sample.Admin, Sample.At), state))
            .ThenInvalid("phase", "Phase must be one of Nursery, Primary, Middle, Secondary, AllThrough, Special, SixthForm, AlternativeProvision.");
}
