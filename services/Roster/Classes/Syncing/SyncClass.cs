using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Classes;

/// <summary>
/// A class from the school's MIS (or a OneRoster file) with its whole membership: the students (ids derived from
/// their MIS ids, so a class may name a student whose record arrives later), the teachers who have staff accounts,
/// and the emails of those who have none yet. The MIS owns a synced class's membership, so what it leaves out goes.
/// </summary>
public sealed record SyncClass(
    Guid ClassId, Guid SchoolId, string MisClassId, string Name, string? Subject, bool Active,
    IReadOnlyList<Guid> StudentIds, IReadOnlyList<Guid> TeacherIds, IReadOnlyList<string> AwaitedTeacherEmails,
    ClassSource Source, Guid? ActorId, DateTimeOffset At);

public static partial class Class
{
    public static object[] Decide(SyncClass command, ClassState? state)
    {
        var misClassId = Text.Required(command.MisClassId, "misClassId", "MIS class id", MaxMisClassIdLength);
        var name = ValidName(command.Name);
        var subject = ValidSubject(command.Subject);
        var (id, actor, at) = (command.ClassId, command.ActorId, command.At.ToUniversalTime());
        var events = new List<object>();

        if (state is null)
            events.Add(new ClassCreated(id, command.SchoolId, misClassId, name, subject, command.Source, actor, at));
        else if (state.SchoolId != command.SchoolId)
            throw new RuleViolation($"Class {id} belongs to another school.");
        else if (name != state.Name || subject != state.Subject)
            events.Add(new ClassRenamed(id, name, subject, actor, at));

        var wasActive = state?.Active ?? true;
        if (command.Active && !wasActive) events.Add(new ClassActivated(id, actor, at));
        if (!command.Active && wasActive) events.Add(new ClassDeactivated(id, actor, at));

        var teachers = state?.TeacherIds ?? [];
        var awaited = state?.AwaitedTeacherEmails ?? [];
        var students = state?.StudentIds ?? [];
        var wantedEmails = command.AwaitedTeacherEmails.Select(e => e.Trim().ToLowerInvariant()).Distinct().ToList();

        events.AddRange(teachers.Except(command.TeacherIds).Select(t => new TeacherUnassignedFromClass(id, t, actor, at)));
        events.AddRange(command.TeacherIds.Distinct().Except(teachers).Select(t => new TeacherAssignedToClass(id, t, actor, at)));
        events.AddRange(awaited.Except(wantedEmails).Select(e => new TeacherNoLongerAwaited(id, e, actor, at)));
        events.AddRange(wantedEmails.Except(awaited).Select(e => new TeacherAwaitingAccount(id, e, actor, at)));
        events.AddRange(students.Except(command.StudentIds).Select(s => new StudentRemovedFromClass(id, s, actor, at)));
        events.AddRange(command.StudentIds.Distinct().Except(students).Select(s => new StudentAddedToClass(id, s, actor, at)));
        return [.. events];
    }
}
