using Portal.Roster.Classes;
using Portal.Roster.Students;
using static Portal.Roster.Tests.Deciders.ClassSample;

namespace Portal.Roster.Tests.Deciders;

public class ClassStudentTests
{
    static DeciderSpec<ClassState> Given(params object[] events) => DeciderSpec<ClassState>.Given([Created(), .. events]);

    static Func<ClassState, IEnumerable<object>> Add(params StudentState[] students) => state =>
        Class.Decide(new AddStudentsToClass(ClassId, students.Select(s => s.Id).ToList(), students, Admin, At), state);

    static Func<ClassState, IEnumerable<object>> Remove(Guid student, StudentState? record) => state =>
        Class.Decide(new RemoveInactiveStudent(ClassId, student, record, Admin, At), state);

    [Fact]
    public void Adding_students_of_the_school_records_each_one()
    {
        var (ada, alan) = (Student("Ada", "Lovelace"), Student("Alan", "Turing"));
        Given().When(Add(ada, alan))
            .Then(new StudentAddedToClass(ClassId, ada.Id, Admin, At), new StudentAddedToClass(ClassId, alan.Id, Admin, At));
    }

    [Fact]
    public void Adding_a_student_already_in_the_class_records_only_the_new_ones()
    {
        var (ada, alan) = (Student("Ada", "Lovelace"), Student("Alan", "Turing"));
        Given(new StudentAddedToClass(ClassId, ada.Id, Admin, Earlier)).When(Add(ada, alan))
            .Then(new StudentAddedToClass(ClassId, alan.Id, Admin, At));
    }

    [Fact]
    public void Adding_no_student_is_invalid() => Given().When(Add()).ThenInvalid("studentIds", "Name at least one student to add.");

    [Fact]
    public void Students_of_another_school_and_unknown_ones_are_refused_alike()
    {
        var elsewhere = Student("Grace", "Hopper", OtherSchoolId);
        var unknown = Guid.NewGuid();
        Given().When(state => Class.Decide(new AddStudentsToClass(ClassId, [elsewhere.Id, unknown], [elsewhere], Admin, At), state))
            .ThenInvalid("studentIds", $"Students {elsewhere.Id} and {unknown} are not on the roll of the class's school.");
    }

    [Fact]
    public void A_deleted_student_is_not_on_the_roll()
    {
        var deleted = Student("Ada", "Lovelace", left: new DateOnly(2026, 7, 20), deleted: true);
        Given().When(Add(deleted)).ThenInvalid("studentIds", $"Student {deleted.Id} is not on the roll of the class's school.");
    }

    [Fact]
    public void A_student_who_left_is_refused_and_named()
    {
        var left = Student("Ada", "Lovelace", left: new DateOnly(2026, 7, 20));
        Given().When(Add(Student("Alan", "Turing"), left))
            .ThenRefused($"Ada Lovelace ({left.Id}) has left the school; only students on the roll join a class.");
    }

    [Fact]
    public void Students_are_not_added_to_an_inactive_class() =>
        Given(new ClassDeactivated(ClassId, Admin, Earlier)).When(Add(Student("Ada", "Lovelace")))
            .ThenRefused("Class '7A Maths' is inactive; activate it before adding students.");

    [Fact]
    public void Removing_a_student_who_left_records_it()
    {
        var left = Student("Ada", "Lovelace", left: new DateOnly(2026, 7, 20));
        Given(new StudentAddedToClass(ClassId, left.Id, Admin, Earlier)).When(Remove(left.Id, left))
            .Then(new StudentRemovedFromClass(ClassId, left.Id, Admin, At));
    }

    [Fact]
    public void Removing_a_student_whose_record_never_arrived_records_it()
    {
        var ghost = Guid.NewGuid();
        Given(new StudentAddedToClass(ClassId, ghost, null, Earlier)).When(Remove(ghost, null))
            .Then(new StudentRemovedFromClass(ClassId, ghost, Admin, At));
    }

    [Fact]
    public void Removing_a_student_on_the_roll_is_refused_and_says_to_move_them()
    {
        var ada = Student("Ada", "Lovelace");
        Given(new StudentAddedToClass(ClassId, ada.Id, Admin, Earlier)).When(Remove(ada.Id, ada))
            .ThenRefused($"Ada Lovelace ({ada.Id}) is still on the school's roll; only inactive students are removed from a class. Move them to another class instead.");
    }

    [Fact]
    public void Removing_a_student_not_in_the_class_records_nothing()
    {
        var left = Student("Ada", "Lovelace", left: new DateOnly(2026, 7, 20));
        Given().When(Remove(left.Id, left)).ThenNothing();
    }
}
