using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Forms;

/// <summary>
/// A member of staff assigns a form to one student, a class or a year group. The endpoint resolves the class or year
/// group to the students on the roll of the form's school now; the decider records those not yet assigned.
/// </summary>
public sealed record AssignFormToStudents(
    Guid FormId, FormAssignee AssignedTo, Guid? TargetId, string? YearGroup, IReadOnlyList<Guid> StudentIds, Guid ActorId, DateTimeOffset At);

/// <summary>A member of staff asks the guardians of these students to answer the form.</summary>
public sealed record AssignFormToGuardians(Guid FormId, IReadOnlyList<Guid> StudentIds, Guid ActorId, DateTimeOffset At);

public static partial class Form
{
    public static object[] Decide(AssignFormToStudents command, FormState state)
    {
        if (command.StudentIds.Count == 0)
            throw new RuleViolation(command.AssignedTo switch
            {
                FormAssignee.Class => $"Class {command.TargetId} has no students on the roll to assign the form to.",
                FormAssignee.YearGroup => $"Year group {command.YearGroup} has no students on the roll of the form's school to assign the form to.",
                _ => "Name a student to assign the form to.",
            });
        var newcomers = command.StudentIds.Distinct().Except(state.AssignedStudentIds).ToList();
        return newcomers.Count == 0
            ? []
            : [new FormAssignedToStudents(command.FormId, command.AssignedTo, command.TargetId, command.YearGroup, newcomers,
                command.ActorId, command.At.ToUniversalTime())];
    }

    public static object[] Decide(AssignFormToGuardians command, FormState state)
    {
        if (command.StudentIds.Count == 0)
            throw new ValidationFailed("studentIds", "Name at least one student whose parents or guardians should answer the form.");
        var newcomers = command.StudentIds.Distinct().Except(state.GuardianStudentIds).ToList();
        return newcomers.Count == 0 ? [] : [new FormAssignedToGuardians(command.FormId, newcomers, command.ActorId, command.At.ToUniversalTime())];
    }
}
