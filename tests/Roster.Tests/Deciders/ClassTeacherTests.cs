using Portal.Roster.Classes;
using Portal.Roster.Staff;
using static Portal.Roster.Tests.Deciders.ClassSample;

namespace Portal.Roster.Tests.Deciders;

public class ClassTeacherTests
{
    static DeciderSpec<ClassState> Given(params object[] events) => DeciderSpec<ClassState>.Given([Created(), .. events]);

    static Func<ClassState, IEnumerable<object>> Assign(params KnownStaff[] teachers) => state =>
        Class.Decide(new AssignTeachers(ClassId, teachers.Select(t => t.Id).ToList(), teachers, Admin, At), state);

    [Fact]
    public void Assigning_teachers_records_each_one()
    {
        var (ford, khan) = (Teacher("Ford"), Teacher("Khan"));
        Given().When(Assign(ford, khan))
            .Then(new TeacherAssignedToClass(ClassId, ford.Id, Admin, At), new TeacherAssignedToClass(ClassId, khan.Id, Admin, At));
    }

    [Fact]
    public void Assigning_a_teacher_already_assigned_records_only_the_new_ones()
    {
        var (ford, khan) = (Teacher("Ford"), Teacher("Khan"));
        Given(new TeacherAssignedToClass(ClassId, ford.Id, Admin, Earlier)).When(Assign(ford, khan))
            .Then(new TeacherAssignedToClass(ClassId, khan.Id, Admin, At));
    }

    [Fact]
    public void Assigning_only_teachers_already_assigned_records_nothing()
    {
        var ford = Teacher("Ford");
        Given(new TeacherAssignedToClass(ClassId, ford.Id, Admin, Earlier)).When(Assign(ford)).ThenNothing();
    }

    [Fact]
    public void A_teacher_the_mis_awaited_by_email_is_no_longer_awaited_once_assigned()
    {
        var ford = Teacher("Ford");
        Given(new TeacherAwaitingAccount(ClassId, ford.Email, null, Earlier)).When(Assign(ford))
            .Then(new TeacherAssignedToClass(ClassId, ford.Id, Admin, At), new TeacherNoLongerAwaited(ClassId, ford.Email, Admin, At));
    }

    [Fact]
    public void Assigning_no_teacher_is_invalid() =>
        Given().When(Assign()).ThenInvalid("teacherIds", "Name at least one teacher to assign.");

    [Fact]
    public void A_teacher_without_a_staff_account_is_invalid_and_named()
    {
        var unknown = Guid.NewGuid();
        Given().When(state => Class.Decide(new AssignTeachers(ClassId, [unknown], [], Admin, At), state))
            .ThenInvalid("teacherIds", $"There is no staff account {unknown}.");
    }

    [Fact]
    public void A_deactivated_teacher_is_refused_and_named()
    {
        var ford = Teacher("Ford", active: false);
        Given().When(Assign(Teacher("Khan"), ford)).ThenRefused($"Sam Ford ({ford.Id}) is deactivated and cannot be assigned to a class.");
    }

    [Fact]
    public void Teachers_of_another_school_are_refused_and_named()
    {
        var (ford, khan) = (Teacher("Ford", OtherSchoolId), Teacher("Khan", OtherSchoolId));
        Given().When(Assign(ford, khan))
            .ThenRefused($"Sam Ford ({ford.Id}) and Sam Khan ({khan.Id}) do not belong to the school of class '7A Maths'.");
    }

    [Fact]
    public void Teachers_are_not_assigned_to_an_inactive_class() =>
        Given(new ClassDeactivated(ClassId, Admin, Earlier)).When(Assign(Teacher("Ford")))
            .ThenRefused("Class '7A Maths' is inactive; activate it before assigning teachers.");

    [Fact]
    public void Staff_may_add_a_cover_teacher_to_a_synced_class()
    {
        var ford = Teacher("Ford");
        DeciderSpec<ClassState>.Given(Created(ClassSource.Mis)).When(Assign(ford)).Then(new TeacherAssignedToClass(ClassId, ford.Id, Admin, At));
    }

    [Fact]
    public void Unassigning_a_teacher_records_it()
    {
        var ford = Guid.NewGuid();
        Given(new TeacherAssignedToClass(ClassId, ford, Admin, Earlier))
            .When(state => Class.Decide(new UnassignTeacher(ClassId, ford, Admin, At), state))
            .Then(new TeacherUnassignedFromClass(ClassId, ford, Admin, At));
    }

    [Fact]
    public void Unassigning_a_teacher_who_is_not_assigned_records_nothing() =>
        Given().When(state => Class.Decide(new UnassignTeacher(ClassId, Guid.NewGuid(), Admin, At), state)).ThenNothing();
}
