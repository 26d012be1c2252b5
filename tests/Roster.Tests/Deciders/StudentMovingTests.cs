using Portal.Roster.Classes;
using Portal.Roster.Schools;
using Portal.Roster.Students;
using static Portal.Roster.Tests.StudentsApi.StudentSample;

namespace Portal.Roster.Tests.Deciders;

public class StudentMovingTests
{
    static DeciderSpec<StudentState> Given(params object[] events) => DeciderSpec<StudentState>.Given([Enrolled(), .. events]);

    static MoveStudent Move(KnownSchool? toSchool = null, ClassState? from = null, ClassState? to = null, bool numberTaken = false,
        bool emailTaken = false) => new(StudentId, toSchool, from, to, numberTaken, emailTaken, Admin, At);

    static ClassState InClass => SchoolClass(students: [StudentId]);

    static ClassState OtherClass => SchoolClass(OtherClassId, name: "7B Maths");

    [Fact]
    public void Moving_between_classes_of_the_school_changes_nothing_on_the_student() =>
        Given().When(s => Student.Decide(Move(from: InClass, to: OtherClass), s)).ThenNothing();

    [Fact]
    public void Moving_out_of_a_class_the_student_is_not_in_is_refused() =>
        Given().When(s => Student.Decide(Move(from: OtherClass, to: InClass), s))
            .ThenRefused($"Student {StudentId} is not in class '7B Maths'.");

    [Fact]
    public void Moving_into_an_inactive_class_is_refused() =>
        Given().When(s => Student.Decide(Move(from: InClass, to: SchoolClass(OtherClassId, name: "7B Maths", active: false)), s))
            .ThenRefused("Class '7B Maths' is inactive; activate it before moving students into it.");

    [Fact]
    public void Moving_into_a_class_of_another_school_than_the_one_named_is_invalid() =>
        Given().When(s => Student.Decide(Move(to: SchoolClass(OtherClassId, OtherSchoolId, name: "Y6 Owls")), s))
            .ThenInvalid("toClassId", "Class 'Y6 Owls' is not in the school the student is moving to.");

    [Fact]
    public void Moving_to_another_school_records_the_move() =>
        DeciderSpec<StudentState>.Given(Enrolled(yearGroup: "Y6"))
            .When(s => Student.Decide(Move(OtherSchool(), to: SchoolClass(OtherClassId, OtherSchoolId, name: "Y6 Owls")), s))
            .Then(new StudentMovedToSchool(StudentId, SchoolId, OtherSchoolId, Admin, At));

    [Fact]
    public void Moving_to_the_students_own_school_records_nothing() =>
        Given().When(s => Student.Decide(Move(School()), s)).ThenNothing();

    [Fact]
    public void Moving_to_a_school_without_the_students_year_group_is_refused() =>
        Given().When(s => Student.Decide(Move(OtherSchool()), s))
            .ThenRefused("Southfield Primary has no year group 'Y7'; change the student's year group to one it has before moving them.");

    [Fact]
    public void Moving_to_a_school_where_another_student_has_the_number_is_refused() =>
        DeciderSpec<StudentState>.Given(Enrolled(yearGroup: "Y6", number: "100200"))
            .When(s => Student.Decide(Move(OtherSchool(), numberTaken: true), s))
            .ThenRefused("Student information number '100200' is already used by another student of Southfield Primary.");

    [Fact]
    public void Moving_to_a_school_where_another_active_student_has_the_email_is_refused() =>
        DeciderSpec<StudentState>.Given(Enrolled(yearGroup: "Y6", email: "ada@schools.example"))
            .When(s => Student.Decide(Move(OtherSchool(), emailTaken: true), s))
            .ThenRefused("Email 'ada@schools.example' is already used by another active student of Southfield Primary.");

    [Fact]
    public void A_student_who_has_left_is_not_moved() =>
        Given(Left()).When(s => Student.Decide(Move(to: OtherClass), s))
            .ThenRefused($"Student {StudentId} has left; return them to the roll before moving them.");

    [Fact]
    public void Placing_a_student_in_a_class_adds_them() =>
        DeciderSpec<ClassState>.Given(new ClassCreated(ClassId, SchoolId, null, "7A Maths", null, ClassSource.Staff, Admin, Earlier))
            .When(c => Class.Decide(new PlaceStudentInClass(ClassId, StudentId, Admin, At), c))
            .Then(new StudentAddedToClass(ClassId, StudentId, Admin, At));

    [Fact]
    public void Placing_a_student_already_in_the_class_records_nothing() =>
        DeciderSpec<ClassState>.Given(new ClassCreated(ClassId, SchoolId, null, "7A Maths", null, ClassSource.Staff, Admin, Earlier),
                new StudentAddedToClass(ClassId, StudentId, Admin, Earlier))
            .When(c => Class.Decide(new PlaceStudentInClass(ClassId, StudentId, Admin, At), c))
            .ThenNothing();

    [Fact]
    public void Placing_a_student_in_an_inactive_class_is_refused() =>
        DeciderSpec<ClassState>.Given(new ClassCreated(ClassId, SchoolId, null, "7A Maths", null, ClassSource.Staff, Admin, Earlier),
                new ClassDeactivated(ClassId, Admin, Earlier))
            .When(c => Class.Decide(new PlaceStudentInClass(ClassId, StudentId, Admin, At), c))
            .ThenRefused("Class '7A Maths' is inactive; activate it before adding students to it.");

    [Fact]
    public void Taking_a_student_out_of_a_class_removes_them() =>
        DeciderSpec<ClassState>.Given(new ClassCreated(ClassId, SchoolId, null, "7A Maths", null, ClassSource.Staff, Admin, Earlier),
                new StudentAddedToClass(ClassId, StudentId, Admin, Earlier))
            .When(c => Class.Decide(new TakeStudentOutOfClass(ClassId, StudentId, Admin, At), c))
            .Then(new StudentRemovedFromClass(ClassId, StudentId, Admin, At));

    [Fact]
    public void Taking_out_a_student_who_is_not_in_the_class_records_nothing() =>
        DeciderSpec<ClassState>.Given(new ClassCreated(ClassId, SchoolId, null, "7A Maths", null, ClassSource.Staff, Admin, Earlier))
            .When(c => Class.Decide(new TakeStudentOutOfClass(ClassId, StudentId, Admin, At), c))
            .ThenNothing();
}
