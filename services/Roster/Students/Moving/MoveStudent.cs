using Portal.Roster.Access;
using Portal.Roster.Classes;
using Portal.Roster.Schools;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Students;

/// <summary>
/// Staff move a student out of a class (FromClass), into a class (ToClass) and to another school of the organisation
/// (ToSchool, null when the school stays; a target class in another school implies that school). The classes are as
/// the endpoint read them; their own streams change through <see cref="TakeStudentOutOfClass"/> and
/// <see cref="PlaceStudentInClass"/>, and a change of school takes the student out of every class of the old school.
/// NumberTaken / EmailTaken: another student of the target school has the student's number / email.
/// </summary>
public sealed record MoveStudent(
    Guid StudentId, KnownSchool? ToSchool, ClassState? FromClass, ClassState? ToClass, bool NumberTaken, bool EmailTaken,
    Guid ActorId, DateTimeOffset At);

public static partial class Student
{
    public static object[] Decide(MoveStudent command, StudentState state)
    {
        if (state.Deleted) throw new NotFound(RosterAccess.StudentNotFound(state.Id));
        if (!state.Active)
            throw new RuleViolation($"Student {state.Id} has left; return them to the roll before moving them.");
        if (command.FromClass is { } from && !from.StudentIds.Contains(state.Id))
            throw new RuleViolation($"Student {state.Id} is not in class '{from.Name}'.");

        var school = command.ToSchool?.Id ?? state.SchoolId;
        if (command.ToClass is { } to)
        {
            if (to.SchoolId != school)
                throw new ValidationFailed("toClassId", $"Class '{to.Name}' is not in the school the student is moving to.");
            if (!to.Active)
                throw new RuleViolation($"Class '{to.Name}' is inactive; activate it before moving students into it.");
        }

        if (command.ToSchool is not { } target || target.Id == state.SchoolId) return [];
        // Year groups are per school; a student must land in one the new school has.
        if (!target.HasYearGroup(state.YearGroup))
            throw new RuleViolation(
                $"{NameOf(target)} has no year group '{state.YearGroup}'; change the student's year group to one it has before moving them.");
        if (state.StudentInformationNumber is { } number && command.NumberTaken)
            throw new RuleViolation(NumberTakenMessage(target, number));
        if (state.Email is { } email && command.EmailTaken)
            throw new RuleViolation(EmailTakenMessage(target, email));
        return [new StudentMovedToSchool(state.Id, state.SchoolId, target.Id, command.ActorId, command.At.ToUniversalTime())];
    }
}
