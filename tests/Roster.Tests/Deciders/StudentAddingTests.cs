using Portal.Roster.Classes;
using Portal.Roster.Schools;
using Portal.Roster.Students;
using Portal.ServiceDefaults.Problems;
using static Portal.Roster.Tests.StudentsApi.StudentSample;

namespace Portal.Roster.Tests.Deciders;

public class StudentAddingTests
{
    static AddStudent Add(Guid[]? classIds = null, ClassState[]? classes = null, bool byTeacher = false, StudentRosterRules? rules = null,
        string yearGroup = "Year 7", string? email = null, string? number = null, bool numberTaken = false, bool emailTaken = false,
        string given = " Grace ", string family = "Hopper") =>
        new(StudentId, School(rules), given, family, yearGroup, email, number, classIds ?? [], classes ?? [], byTeacher,
            numberTaken, emailTaken, byTeacher ? Teacher : Admin, At);

    static StudentEnrolled EnrolledByHand(string? email = null, string? number = null, Guid? actor = null) =>
        new(StudentId, SchoolId, null, "Grace", "Hopper", "Y7", email, number, StudentSource.Staff, actor ?? Admin, At);

    static DeciderSpec<StudentState> New() => DeciderSpec<StudentState>.Given();

    static ClassState TeachersClass => SchoolClass(teachers: [Teacher]);

    [Fact]
    public void An_administrator_adds_a_student_with_no_class_enrolled_by_staff() =>
        New().WhenStarting(s => Student.Decide(Add(), s)).Then(EnrolledByHand());

    [Fact]
    public void An_administrator_adds_a_student_to_any_class_of_the_school() =>
        New().WhenStarting(s => Student.Decide(Add([ClassId], [SchoolClass()], email: "Grace@Northfield.example", number: "100200"), s))
            .Then(EnrolledByHand("grace@northfield.example", "100200"));

    [Fact]
    public void A_class_of_another_school_is_invalid_for_an_administrator() =>
        New().WhenStarting(s => Student.Decide(Add([OtherClassId], [SchoolClass(OtherClassId, OtherSchoolId)]), s))
            .ThenInvalid("classIds", $"Class {OtherClassId} is not a class of Northfield Academy.");

    [Fact]
    public void A_class_that_does_not_exist_is_invalid_for_an_administrator() =>
        New().WhenStarting(s => Student.Decide(Add([OtherClassId]), s))
            .ThenInvalid("classIds", $"Class {OtherClassId} is not a class of Northfield Academy.");

    [Fact]
    public void An_inactive_class_is_refused() =>
        New().WhenStarting(s => Student.Decide(Add([ClassId], [SchoolClass(active: false)]), s))
            .ThenRefused("Class '7A Maths' is inactive; activate it before adding students to it.");

    [Fact]
    public void A_teacher_adds_a_student_to_their_own_class_where_the_school_allows_it() =>
        New().WhenStarting(s => Student.Decide(Add([ClassId], [TeachersClass], byTeacher: true, rules: Rules(teachersMayCreate: true)), s))
            .Then(EnrolledByHand(actor: Teacher));

    [Fact]
    public void A_teacher_is_forbidden_where_the_school_does_not_allow_teachers_to_create_students() =>
        Assert.Equal("Teachers may add student accounts only where the school allows it, and Northfield Academy does not.",
            Assert.Throws<Forbidden>(() => Student.Decide(Add([ClassId], [TeachersClass], byTeacher: true), null)).Message);

    [Fact]
    public void A_teacher_must_name_at_least_one_of_their_classes() =>
        Assert.Equal("Teachers may add students only to existing classes assigned to them: name at least one of your classes in classIds.",
            Assert.Throws<Forbidden>(() => Student.Decide(Add(byTeacher: true, rules: Rules(teachersMayCreate: true)), null)).Message);

    [Fact]
    public void A_teacher_is_forbidden_to_add_to_a_class_they_do_not_teach() =>
        Assert.Equal($"Teachers may add students only to existing classes assigned to them; class {OtherClassId} is not one of yours.",
            Assert.Throws<Forbidden>(() => Student.Decide(Add([ClassId, OtherClassId], [TeachersClass, SchoolClass(OtherClassId, teachers: [Admin])],
                byTeacher: true, rules: Rules(teachersMayCreate: true)), null)).Message);

    [Fact]
    public void A_teacher_is_forbidden_to_add_to_a_class_that_does_not_exist() =>
        Assert.Throws<Forbidden>(() => Student.Decide(Add([OtherClassId], [], byTeacher: true, rules: Rules(teachersMayCreate: true)), null));

    [Fact]
    public void The_year_group_must_be_one_of_the_schools() =>
        New().WhenStarting(s => Student.Decide(Add(yearGroup: "Year 14"), s))
            .ThenInvalid("yearGroup",
                "Year group 'Year 14' is not one of Northfield Academy's year groups (its year groups are R, Y1, Y2, Y3, Y4, Y5, Y6, Y7, Y8, Y9, Y10, Y11, Y12 and Y13).");

    [Fact]
    public void A_school_that_requires_a_number_refuses_a_student_without_one() =>
        New().WhenStarting(s => Student.Decide(Add(rules: Rules(numberRequired: true)), s))
            .ThenInvalid("studentInformationNumber", "This school requires a student information number.");

    [Fact]
    public void A_number_shorter_than_the_schools_minimum_is_invalid() =>
        New().WhenStarting(s => Student.Decide(Add(number: "1234", rules: Rules(minimumLength: 6)), s))
            .ThenInvalid("studentInformationNumber", "This school's student information numbers have at least 6 characters ('1234' has 4).");

    [Fact]
    public void A_number_another_student_of_the_school_has_is_refused() =>
        New().WhenStarting(s => Student.Decide(Add(number: "100200", numberTaken: true), s))
            .ThenRefused("Student information number '100200' is already used by another student of Northfield Academy.");

    [Fact]
    public void An_email_another_active_student_of_the_school_has_is_refused() =>
        New().WhenStarting(s => Student.Decide(Add(email: "grace@northfield.example", emailTaken: true), s))
            .ThenRefused("Email 'grace@northfield.example' is already used by another active student of Northfield Academy.");

    [Fact]
    public void A_student_without_names_is_invalid_on_both_fields()
    {
        var error = Assert.Throws<ValidationFailed>(() => Student.Decide(Add(given: " ", family: ""), null));
        Assert.Equal(["Given name is required."], error.Errors["givenName"]);
        Assert.Equal(["Family name is required."], error.Errors["familyName"]);
    }

    [Fact]
    public void Adding_a_student_whose_id_exists_is_refused() =>
        DeciderSpec<StudentState>.Given(Enrolled())
            .WhenStarting(s => Student.Decide(Add(), s))
            .ThenRefused($"Student {StudentId} already exists.");
}
