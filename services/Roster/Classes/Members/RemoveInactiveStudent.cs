using Portal.Roster.Students;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Classes;

/// <summary>
/// Removes a student who is no longer on the roll (left or deleted, or whose record never arrived from the MIS) from a
/// class. A student still on the roll is moved to another class instead, so they are never left without one by
/// accident. <paramref name="Student"/> is the student's record, null when there is none.
/// </summary>
public sealed record RemoveInactiveStudent(Guid ClassId, Guid StudentId, StudentState? Student, Guid ActorId, DateTimeOffset At);

public static partial class Class
{
    public static object[] Decide(RemoveInactiveStudent command, ClassState state)
    {
        if (!state.StudentIds.Contains(command.StudentId)) return [];
        if (command.Student is { Active: true } student)
            throw new RuleViolation(
                $"{Describe(student)} is still on the school's roll; only inactive students are removed from a class. Move them to another class instead.");
        return [new StudentRemovedFromClass(state.Id, command.StudentId, command.ActorId, command.At.ToUniversalTime())];
    }
}
