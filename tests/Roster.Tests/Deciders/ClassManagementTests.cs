using Portal.Roster.Classes;
using static Portal.Roster.Tests.Deciders.ClassSample;

namespace Portal.Roster.Tests.Deciders;

public class ClassManagementTests
{
    static DeciderSpec<ClassState> Given(params object[] events) => DeciderSpec<ClassState>.Given([Created(), .. events]);

    [Fact]
    public void Creating_a_class_records_it_as_made_by_staff_with_the_trimmed_name() =>
        DeciderSpec<ClassState>.Given()
            .WhenStarting(state => Class.Decide(new CreateClass(ClassId, SchoolId, "  8B Science ", " ", null, Admin, At), state))
            .Then(new ClassCreated(ClassId, SchoolId, null, "8B Science", null, ClassSource.Staff, Admin, At));

    [Fact]
    public void A_teacher_who_creates_a_class_becomes_its_teacher()
    {
        var teacher = Guid.NewGuid();
        DeciderSpec<ClassState>.Given()
            .WhenStarting(state => Class.Decide(new CreateClass(ClassId, SchoolId, "8B Science", "Science", teacher, teacher, At), state))
            .Then(new ClassCreated(ClassId, SchoolId, null, "8B Science", "Science", ClassSource.Staff, teacher, At),
                new TeacherAssignedToClass(ClassId, teacher, teacher, At));
    }

    [Fact]
    public void A_class_needs_a_name() =>
        DeciderSpec<ClassState>.Given()
            .WhenStarting(state => Class.Decide(new CreateClass(ClassId, SchoolId, "  ", null, null, Admin, At), state))
            .ThenInvalid("name", "Class name is required.");

    [Fact]
    public void A_subject_longer_than_100_characters_is_invalid() =>
        DeciderSpec<ClassState>.Given()
            .WhenStarting(state => Class.Decide(new CreateClass(ClassId, SchoolId, "8B", new string('x', 101), null, Admin, At), state))
            .ThenInvalid("subject", "Subject must be at most 100 characters (it has 101).");

    [Fact]
    public void Creating_a_class_that_exists_is_refused() =>
        Given().WhenStarting(state => Class.Decide(new CreateClass(ClassId, SchoolId, "8B", null, null, Admin, At), state))
            .ThenRefused($"Class {ClassId} already exists.");

    [Fact]
    public void Renaming_records_the_new_name_and_subject() =>
        Given().When(state => Class.Decide(new RenameClass(ClassId, "7A Further Maths", null, Admin, At), state))
            .Then(new ClassRenamed(ClassId, "7A Further Maths", null, Admin, At));

    [Fact]
    public void Renaming_to_the_same_name_and_subject_records_nothing() =>
        Given().When(state => Class.Decide(new RenameClass(ClassId, " 7A Maths", "Maths ", Admin, At), state)).ThenNothing();

    [Fact]
    public void Renaming_to_a_blank_name_is_invalid() =>
        Given().When(state => Class.Decide(new RenameClass(ClassId, "", "Maths", Admin, At), state))
            .ThenInvalid("name", "Class name is required.");

    [Fact]
    public void A_synced_class_can_be_renamed_by_staff_until_its_next_sync() =>
        DeciderSpec<ClassState>.Given(Created(ClassSource.Mis))
            .When(state => Class.Decide(new RenameClass(ClassId, "7A Maths (set 1)", "Maths", Admin, At), state))
            .Then(new ClassRenamed(ClassId, "7A Maths (set 1)", "Maths", Admin, At));

    [Fact]
    public void Deactivating_an_active_class_records_it() =>
        Given().When(state => Class.Decide(new DeactivateClass(ClassId, Admin, At), state)).Then(new ClassDeactivated(ClassId, Admin, At));

    [Fact]
    public void Deactivating_an_inactive_class_records_nothing() =>
        Given(new ClassDeactivated(ClassId, Admin, Earlier)).When(state => Class.Decide(new DeactivateClass(ClassId, Admin, At), state)).ThenNothing();

    [Fact]
    public void Activating_an_inactive_class_records_it() =>
        Given(new ClassDeactivated(ClassId, Admin, Earlier))
            .When(state => Class.Decide(new ActivateClass(ClassId, Admin, At), state))
            .Then(new ClassActivated(ClassId, Admin, At));

    [Fact]
    public void Activating_an_active_class_records_nothing() =>
        Given().When(state => Class.Decide(new ActivateClass(ClassId, Admin, At), state)).ThenNothing();

    [Fact]
    public void Restricting_avatar_building_and_accessory_purchases_records_both() =>
        Given().When(state => Class.Decide(new SetAvatarRestrictions(ClassId, true, true, Admin, At), state))
            .Then(new ClassAvatarRestrictionsSet(ClassId, true, true, Admin, At));

    [Fact]
    public void Lifting_one_avatar_restriction_records_the_whole_setting() =>
        Given(new ClassAvatarRestrictionsSet(ClassId, true, true, Admin, Earlier))
            .When(state => Class.Decide(new SetAvatarRestrictions(ClassId, false, true, Admin, At), state))
            .Then(new ClassAvatarRestrictionsSet(ClassId, false, true, Admin, At));

    [Fact]
    public void Setting_the_current_avatar_restrictions_records_nothing() =>
        Given(new ClassAvatarRestrictionsSet(ClassId, true, false, Admin, Earlier))
            .When(state => Class.Decide(new SetAvatarRestrictions(ClassId, true, false, Admin, At), state))
            .ThenNothing();
}
