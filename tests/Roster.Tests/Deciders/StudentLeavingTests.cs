using Portal.Roster.Students;
using static Portal.Roster.Tests.StudentsApi.StudentSample;

namespace Portal.Roster.Tests.Deciders;

public class StudentLeavingTests
{
    static DeciderSpec<StudentState> Given(params object[] events) => DeciderSpec<StudentState>.Given([Enrolled(), .. events]);

    static MarkStudentLeft Leave(DateOnly? date = null) => new(StudentId, date, Admin, At);

    [Fact]
    public void A_staff_added_student_leaves_today_when_no_date_is_given() =>
        Given().When(s => Student.Decide(Leave(), s)).Then(new StudentLeft(StudentId, Today, Admin, At));

    [Fact]
    public void A_student_leaves_on_the_date_given() =>
        Given().When(s => Student.Decide(Leave(new DateOnly(2026, 7, 20)), s))
            .Then(new StudentLeft(StudentId, new DateOnly(2026, 7, 20), Admin, At));

    [Fact]
    public void Leaving_again_on_the_same_date_records_nothing() =>
        Given(Left(new DateOnly(2026, 7, 20))).When(s => Student.Decide(Leave(new DateOnly(2026, 7, 20)), s)).ThenNothing();

    [Fact]
    public void A_date_left_in_the_future_is_invalid() =>
        Given().When(s => Student.Decide(Leave(new DateOnly(2026, 9, 2)), s))
            .ThenInvalid("dateLeft", "Date left 2026-09-02 is in the future; mark the student as left on or after that day.");

    [Fact]
    public void An_imported_student_may_leave() =>
        DeciderSpec<StudentState>.Given(Enrolled(StudentSource.Import))
            .When(s => Student.Decide(Leave(), s)).Then(new StudentLeft(StudentId, Today, Admin, At));

    [Fact]
    public void A_student_from_the_MIS_leaves_through_the_MIS() =>
        DeciderSpec<StudentState>.Given(Enrolled(StudentSource.Mis))
            .When(s => Student.Decide(Leave(), s))
            .ThenRefused($"Student {StudentId} comes from the school's MIS; record their leaving there and the next sync brings it here.");

    [Fact]
    public void A_student_who_left_returns() =>
        Given(Left()).When(s => Student.Decide(new ReturnStudent(StudentId, Admin, At), s))
            .Then(new StudentReturned(StudentId, Admin, At));

    [Fact]
    public void Returning_an_active_student_records_nothing() =>
        Given().When(s => Student.Decide(new ReturnStudent(StudentId, Admin, At), s)).ThenNothing();

    [Fact]
    public void A_student_from_the_MIS_returns_through_the_MIS() =>
        DeciderSpec<StudentState>.Given(Enrolled(StudentSource.Mis), Left())
            .When(s => Student.Decide(new ReturnStudent(StudentId, Admin, At), s))
            .ThenRefused($"Student {StudentId} comes from the school's MIS; record their return there and the next sync brings it here.");

    [Fact]
    public void A_deleted_student_cannot_return_here() =>
        Given(Left(), new StudentDeleted(StudentId, Admin, Earlier))
            .When(s => Student.Decide(new ReturnStudent(StudentId, Admin, At), s))
            .ThenNotFound($"Student {StudentId} was not found.");
}
