using Portal.Roster.Forms;
using static Portal.Roster.Tests.FormDeciders.FormSample;

namespace Portal.Roster.Tests.FormDeciders;

public class FormAssignmentTests
{
    static readonly Guid ClassId = Guid.NewGuid();

    [Fact]
    public void Assigning_a_class_records_the_students_it_resolved_to() =>
        DeciderSpec<FormState>.Given(Created())
            .When(state => Form.Decide(new AssignFormToStudents(FormId, FormAssignee.Class, ClassId, null, [Ada, Alan], Admin, At), state))
            .Then(new FormAssignedToStudents(FormId, FormAssignee.Class, ClassId, null, [Ada, Alan], Admin, At));

    [Fact]
    public void Students_already_assigned_are_not_assigned_again() =>
        DeciderSpec<FormState>.Given(Created(), AssignedTo(Ada))
            .When(state => Form.Decide(new AssignFormToStudents(FormId, FormAssignee.YearGroup, null, "Y7", [Ada, Alan], Admin, At), state))
            .Then(new FormAssignedToStudents(FormId, FormAssignee.YearGroup, null, "Y7", [Alan], Admin, At));

    [Fact]
    public void Assigning_only_students_already_assigned_changes_nothing() =>
        DeciderSpec<FormState>.Given(Created(), AssignedTo(Ada))
            .When(state => Form.Decide(new AssignFormToStudents(FormId, FormAssignee.Student, Ada, null, [Ada], Admin, At), state))
            .ThenNothing();

    [Fact]
    public void A_class_without_students_on_the_roll_is_refused() =>
        DeciderSpec<FormState>.Given(Created())
            .When(state => Form.Decide(new AssignFormToStudents(FormId, FormAssignee.Class, ClassId, null, [], Admin, At), state))
            .ThenRefused($"Class {ClassId} has no students on the roll to assign the form to.");

    [Fact]
    public void Students_are_warned_about_guardian_details_questions_only()
    {
        var withContact = DeciderSpec<FormState>.StateAfter(Created());
        var withoutContact = DeciderSpec<FormState>.StateAfter(Created(Name, Lunch));

        Assert.Equal(["Question 'contact' (Emergency contact) asks for parent/guardian details: students cannot answer it; assign the form to their guardians for that."],
            Form.WarningsForStudents(withContact));
        Assert.Empty(Form.WarningsForStudents(withoutContact));
    }

    [Fact]
    public void Assigning_to_guardians_records_the_students_whose_guardians_answer() =>
        DeciderSpec<FormState>.Given(Created(), new FormAssignedToGuardians(FormId, [Ada], Admin, Earlier))
            .When(state => Form.Decide(new AssignFormToGuardians(FormId, [Ada, Alan], Admin, At), state))
            .Then(new FormAssignedToGuardians(FormId, [Alan], Admin, At));

    [Fact]
    public void Assigning_to_guardians_needs_students() =>
        DeciderSpec<FormState>.Given(Created())
            .When(state => Form.Decide(new AssignFormToGuardians(FormId, [], Admin, At), state))
            .ThenInvalid("studentIds", "Name at least one student whose parents or guardians should answer the form.");
}
