using Portal.Roster.Schools;
using Portal.Roster.Students;
using static Portal.Roster.Tests.StudentsApi.StudentSample;

namespace Portal.Roster.Tests.Deciders;

public class StudentEditingTests
{
    static EditStudent Edit(string given = "Ada", string family = "Lovelace", string yearGroup = "Y7", string? email = null,
        string? number = null, StudentRosterRules? rules = null, bool numberTaken = false, bool emailTaken = false) =>
        new(StudentId, School(rules), given, family, yearGroup, email, number, numberTaken, emailTaken, Admin, At);

    static DeciderSpec<StudentState> Given(params object[] events) => DeciderSpec<StudentState>.Given([Enrolled(), .. events]);

    [Fact]
    public void Editing_names_records_trimmed_details() =>
        Given().When(s => Student.Decide(Edit(given: " Augusta ", family: "King "), s))
            .Then(new StudentDetailsChanged(StudentId, "Augusta", "King", null, Admin, At));

    [Fact]
    public void Editing_nothing_records_nothing() =>
        Given().When(s => Student.Decide(Edit(), s)).ThenNothing();

    [Fact]
    public void A_year_group_given_by_name_records_the_schools_year_group_id() =>
        Given().When(s => Student.Decide(Edit(yearGroup: "year 8"), s))
            .Then(new StudentYearGroupChanged(StudentId, "Y8", Admin, At));

    [Fact]
    public void The_current_year_group_given_by_name_records_nothing() =>
        Given().When(s => Student.Decide(Edit(yearGroup: "Year 7"), s)).ThenNothing();

    [Fact]
    public void A_year_group_the_school_does_not_have_is_invalid() =>
        Given().When(s => Student.Decide(Edit(yearGroup: "Y15"), s))
            .ThenInvalid("yearGroup",
                "Year group 'Y15' is not one of Northfield Academy's year groups (its year groups are R, Y1, Y2, Y3, Y4, Y5, Y6, Y7, Y8, Y9, Y10, Y11, Y12 and Y13).");

    [Fact]
    public void A_new_email_is_recorded_lower_cased() =>
        Given().When(s => Student.Decide(Edit(email: "Ada.Lovelace@Northfield.example"), s))
            .Then(new StudentEmailChanged(StudentId, "ada.lovelace@northfield.example", Admin, At));

    [Fact]
    public void Clearing_the_email_records_it_removed() =>
        Given(new StudentEmailChanged(StudentId, "ada@northfield.example", Admin, Earlier))
            .When(s => Student.Decide(Edit(email: null), s))
            .Then(new StudentEmailChanged(StudentId, null, Admin, At));

    [Fact]
    public void An_email_another_active_student_of_the_school_has_is_refused() =>
        Given().When(s => Student.Decide(Edit(email: "ada@northfield.example", emailTaken: true), s))
            .ThenRefused("Email 'ada@northfield.example' is already used by another active student of Northfield Academy.");

    [Fact]
    public void A_student_information_number_is_held_to_the_schools_rules() =>
        Given().When(s => Student.Decide(Edit(number: "A12", rules: Rules(minimumLength: 6, numericOnly: true)), s))
            .ThenInvalid("studentInformationNumber", "This school's student information numbers have at least 6 characters ('A12' has 3).");

    [Fact]
    public void A_student_information_number_with_letters_is_refused_where_numbers_are_digits_only() =>
        Given().When(s => Student.Decide(Edit(number: "A12345", rules: Rules(numericOnly: true)), s))
            .ThenInvalid("studentInformationNumber", "This school's student information numbers are digits only ('A12345' is not).");

    [Fact]
    public void Removing_the_number_is_refused_where_the_school_requires_one() =>
        DeciderSpec<StudentState>.Given(Enrolled(number: "123456"))
            .When(s => Student.Decide(Edit(number: null, rules: Rules(numberRequired: true)), s))
            .ThenInvalid("studentInformationNumber", "This school requires a student information number.");

    [Fact]
    public void A_number_kept_as_it_was_does_not_stop_a_name_change_under_newer_rules() =>
        DeciderSpec<StudentState>.Given(Enrolled(number: "A1"))
            .When(s => Student.Decide(Edit(given: "Augusta", number: "A1", rules: Rules(minimumLength: 6, numericOnly: true)), s))
            .Then(new StudentDetailsChanged(StudentId, "Augusta", "Lovelace", "A1", Admin, At));

    [Fact]
    public void A_number_another_student_of_the_school_has_is_refused() =>
        Given().When(s => Student.Decide(Edit(number: "100200", numberTaken: true), s))
            .ThenRefused("Student information number '100200' is already used by another student of Northfield Academy.");

    [Fact]
    public void Every_invalid_field_is_reported_at_once()
    {
        var error = Assert.Throws<Portal.ServiceDefaults.Problems.ValidationFailed>(() =>
            Student.Decide(Edit(given: "", family: " ", yearGroup: "Y99", email: "not an email"), DeciderSpec<StudentState>.StateAfter(Enrolled())));
        Assert.Equal(["givenName", "familyName", "yearGroup", "email"], error.Errors.Keys.ToArray());
    }

    [Fact]
    public void Editing_name_year_group_and_email_records_each_change() =>
        Given().When(s => Student.Decide(Edit(given: "Augusta", yearGroup: "Y8", email: "augusta@northfield.example", number: "100200"), s))
            .Then(new StudentDetailsChanged(StudentId, "Augusta", "Lovelace", "100200", Admin, At),
                new StudentEmailChanged(StudentId, "augusta@northfield.example", Admin, At),
                new StudentYearGroupChanged(StudentId, "Y8", Admin, At));

    [Fact]
    public void A_deleted_student_is_not_found() =>
        Given(Left(), new StudentDeleted(StudentId, Admin, Earlier))
            .When(s => Student.Decide(Edit(given: "Augusta"), s))
            .ThenNotFound($"Student {StudentId} was not found.");
}
