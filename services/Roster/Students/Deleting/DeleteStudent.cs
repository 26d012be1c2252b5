using Portal.Roster.Access;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Students;

/// <summary>Staff delete an inactive (left) student from the school's lists; the class side is <see cref="Classes.TakeStudentOutOfClass"/>.</summary>
public sealed record DeleteStudent(Guid StudentId, Guid ActorId, DateTimeOffset At);

public static partial class Student
{
    public static object[] Decide(DeleteStudent command, StudentState state)
    {
        if (state.Deleted) throw new NotFound(RosterAccess.StudentNotFound(state.Id));
        if (state.Active)
            throw new RuleViolation(
                $"Student {state.Id} is active; only inactive students can be deleted. Mark them as left (or let the MIS sync do so) first.");
        return [new StudentDeleted(state.Id, command.ActorId, command.At.ToUniversalTime())];
    }
}
