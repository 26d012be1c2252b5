using Portal.Roster.Access;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Students;

/// <summary>Staff mark a student they added (by hand or by import) as left on a date (today when none is given).</summary>
public sealed record MarkStudentLeft(Guid StudentId, DateOnly? DateLeft, Guid ActorId, DateTimeOffset At);

/// <summary>Staff bring a student who had left back onto the roll.</summary>
public sealed record ReturnStudent(Guid StudentId, Guid ActorId, DateTimeOffset At);

public static partial class Student
{
    public static object[] Decide(MarkStudentLeft command, StudentState state)
    {
        EnsureStaffKeepsRoll(state, "leaving");
        var at = command.At.ToUniversalTime();
        var today = DateOnly.FromDateTime(at.UtcDateTime);
        var date = command.DateLeft ?? today;
        if (date > today)
            throw new ValidationFailed("dateLeft", $"Date left {Text.Date(date)} is in the future; mark the student as left on or after that day.");
        return date == state.DateLeft ? [] : [new StudentLeft(state.Id, date, command.ActorId, at)];
    }

    public static object[] Decide(ReturnStudent command, StudentState state)
    {
        EnsureStaffKeepsRoll(state, "return");
        return state.Active ? [] : [new StudentReturned(state.Id, command.ActorId, command.At.ToUniversalTime())];
    }

    // The MIS is the school's record of who is on the roll: a change made here would be undone by its next sync.
    private static void EnsureStaffKeepsRoll(StudentState state, string change)
    {
        if (state.Deleted) throw new NotFound(RosterAccess.StudentNotFound(state.Id));
        if (state.Source == StudentSource.Mis)
            throw new RuleViolation(
                $"Student {state.Id} comes from the school's MIS; record their {change} there and the next sync brings it here.");
    }
}
