using Portal.Roster.Classes;

namespace Portal.Roster.Tests.Deciders;

public class ClassSyncTests
{
    static readonly Guid Id = Guid.Parse("c1000000-0000-0000-0000-0000000005a1");
    static readonly Guid School = Guid.Parse("5c000000-0000-0000-0000-0000000005b1");
    static readonly Guid OtherSchool = Guid.Parse("5c000000-0000-0000-0000-0000000005b2");
    static readonly Guid Smith = Guid.Parse("7e000000-0000-0000-0000-0000000005a1");
    static readonly Guid Jones = Guid.Parse("7e000000-0000-0000-0000-0000000005a2");
    static readonly Guid Ada = Guid.Parse("57000000-0000-0000-0000-0000000005b1");
    static readonly Guid Alan = Guid.Parse("57000000-0000-0000-0000-0000000005b2");
    static readonly DateTimeOffset Earlier = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset At = new(2026, 9, 1, 8, 30, 0, TimeSpan.Zero);

    static ClassCreated Created() => new(Id, School, "CLS-7A", "7A Maths", "Maths", ClassSource.Mis, null, Earlier);

    /// <summary>The class as synced before: Smith teaches Ada and Alan; lee@ has no account yet.</summary>
    static DeciderSpec<ClassState> Given(params object[] events) => DeciderSpec<ClassState>.Given(
    [
        Created(), new TeacherAssignedToClass(Id, Smith, null, Earlier), new TeacherAwaitingAccount(Id, "lee@school.example", null, Earlier),
        new StudentAddedToClass(Id, Ada, null, Earlier), new StudentAddedToClass(Id, Alan, null, Earlier), .. events,
    ]);

    static SyncClass Record(string name = "7A Maths", string? subject = "Maths", bool active = true, Guid[]? students = null,
        Guid[]? teachers = null, string[]? awaited = null, Guid? school = null) =>
        new(Id, school ?? School, "CLS-7A", name, subject, active, students ?? [Ada, Alan], teachers ?? [Smith], awaited ?? ["lee@school.example"],
            ClassSource.Mis, null, At);

    static Func<ClassState, IEnumerable<object>> Sync(SyncClass record) => state => Class.Decide(record, state);

    [Fact]
    public void A_new_record_creates_the_class_with_its_teachers_awaited_teachers_and_students() =>
        DeciderSpec<ClassState>.Given().WhenStarting(s => Class.Decide(Record(awaited: [" Lee@School.Example "], students: [Ada, Ada]), s))
            .Then(new ClassCreated(Id, School, "CLS-7A", "7A Maths", "Maths", ClassSource.Mis, null, At),
                new TeacherAssignedToClass(Id, Smith, null, At), new TeacherAwaitingAccount(Id, "lee@school.example", null, At),
                new StudentAddedToClass(Id, Ada, null, At));

    [Fact]
    public void A_new_inactive_class_is_created_and_deactivated() =>
        DeciderSpec<ClassState>.Given().WhenStarting(s => Class.Decide(Record(active: false, students: [], teachers: [], awaited: []), s))
            .Then(new ClassCreated(Id, School, "CLS-7A", "7A Maths", "Maths", ClassSource.Mis, null, At), new ClassDeactivated(Id, null, At));

    [Fact]
    public void The_same_record_again_records_nothing() => Given().When(Sync(Record(students: [Alan, Ada]))).ThenNothing();

    [Fact]
    public void A_new_name_or_subject_renames_the_class() =>
        Given().When(Sync(Record(name: "7A Mathematics", subject: null))).Then(new ClassRenamed(Id, "7A Mathematics", null, null, At));

    [Fact]
    public void An_inactive_record_deactivates_the_class() => Given().When(Sync(Record(active: false))).Then(new ClassDeactivated(Id, null, At));

    [Fact]
    public void An_active_record_activates_a_deactivated_class() =>
        Given(new ClassDeactivated(Id, null, Earlier)).When(Sync(Record())).Then(new ClassActivated(Id, null, At));

    [Fact]
    public void A_teacher_left_out_is_unassigned_and_a_new_one_assigned() =>
        Given().When(Sync(Record(teachers: [Jones])))
            .Then(new TeacherUnassignedFromClass(Id, Smith, null, At), new TeacherAssignedToClass(Id, Jones, null, At));

    [Fact]
    public void An_awaited_teacher_left_out_is_no_longer_awaited_and_a_new_email_is_awaited() =>
        Given().When(Sync(Record(awaited: ["KIM@school.example"])))
            .Then(new TeacherNoLongerAwaited(Id, "lee@school.example", null, At), new TeacherAwaitingAccount(Id, "kim@school.example", null, At));

    [Fact]
    public void Students_left_out_are_removed_and_new_ones_added() =>
        Given().When(Sync(Record(students: [Ada, Guid.Parse("57000000-0000-0000-0000-0000000005b3")])))
            .Then(new StudentRemovedFromClass(Id, Alan, null, At),
                new StudentAddedToClass(Id, Guid.Parse("57000000-0000-0000-0000-0000000005b3"), null, At));

    [Fact]
    public void A_record_of_another_school_is_refused() =>
        Given().When(Sync(Record(school: OtherSchool))).ThenRefused($"Class {Id} belongs to another school.");

    [Fact]
    public void A_record_without_a_name_is_invalid() => Given().When(Sync(Record(name: " "))).ThenInvalid("name", "Class name is required.");
}
