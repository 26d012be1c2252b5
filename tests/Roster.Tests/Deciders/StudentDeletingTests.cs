using Portal.Roster.Students;
using static Portal.Roster.Tests.StudentsApi.StudentSample;

namespace Portal.Roster.Tests.Deciders;

public class StudentDeletingTests
{
    static DeciderSpec<StudentState> Given(params object[] events) => DeciderSpec<StudentState>.Given([Enrolled(), .. events]);

    [Fact]
    public void An_inactive_student_is_deleted() =>
        Given(Left()).When(s => Student.Decide(new DeleteStudent(StudentId, Admin, At), s))
            .Then(new StudentDeleted(StudentId, Admin, At));

    [Fact]
    public void An_inactive_student_from_the_MIS_is_deleted() =>
        DeciderSpec<StudentState>.Given(Enrolled(StudentSource.Mis), Left())
            .When(s => Student.Decide(new DeleteStudent(StudentId, Admin, At), s))
            .Then(new StudentDeleted(StudentId, Admin, At));

    [Fact]
    public void Deleting_an_active_student_is_refused_saying_why() =>
        Given().When(s => Student.Decide(new DeleteStudent(StudentId, Admin, At), s))
            .ThenRefused($"Student {StudentId} is active; only inactive students can be deleted. Mark them as left (or let the MIS sync do so) first.");

    [Fact]
    public void Deleting_a_deleted_student_is_not_found() =>
        Given(Left(), new StudentDeleted(StudentId, Admin, Earlier))
            .When(s => Student.Decide(new DeleteStudent(StudentId, Admin, At), s))
            .ThenNotFound($"Student {StudentId} was not found.");
}
