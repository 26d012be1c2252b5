using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Classes;

// The class side of what the student slices do (adding, moving, deleting a student): appended to the class streams
// in the same session as the student's own events, so both change together or not at all.

/// <summary>Puts a student in an active class; a student already there changes nothing.</summary>
public sealed record PlaceStudentInClass(Guid ClassId, Guid StudentId, Guid ActorId, DateTimeOffset At);

/// <summary>Takes a student out of a class; a student not there changes nothing.</summary>
public sealed record TakeStudentOutOfClass(Guid ClassId, Guid StudentId, Guid ActorId, DateTimeOffset At);

public static partial class Class
{
    public static object[] Decide(PlaceStudentInClass command, ClassState state)
    {
        if (!state.Active)
            throw new RuleViolation($"Class '{state.Name}' is inactive; activate it before adding students to it.");
        return state.StudentIds.Contains(command.StudentId)
            ? []
            : [new StudentAddedToClass(state.Id, command.StudentId, command.ActorId, command.At.ToUniversalTime())];
    }

    public static object[] Decide(TakeStudentOutOfClass command, ClassState state) =>
        state.StudentIds.Contains(command.StudentId)
            ? [new StudentRemovedFromClass(state.Id, command.StudentId, command.ActorId, command.At.ToUniversalTime())]
            : [];
}
