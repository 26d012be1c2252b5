namespace Portal.Roster.Classes;

/// <summary>Renames a class and sets its subject (the whole pair; a blank subject clears it).</summary>
public sealed record RenameClass(Guid ClassId, string? Name, string? Subject, Guid ActorId, DateTimeOffset At);

public static partial class Class
{
    public static object[] Decide(RenameClass command, ClassState state)
    {
        var name = ValidName(command.Name);
        var subject = ValidSubject(command.Subject);
        if (name == state.Name && subject == state.Subject) return [];
        return [new ClassRenamed(state.Id, name, subject, command.ActorId, command.At.ToUniversalTime())];
    }
}
