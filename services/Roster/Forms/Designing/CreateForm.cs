using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Forms;

/// <summary>A member of staff creates a custom form for a school.</summary>
public sealed record CreateForm(
    Guid FormId, Guid SchoolId, string? Title, IReadOnlyList<QuestionInput?>? Questions, Guid ActorId, DateTimeOffset At);

public static partial class Form
{
    public static object[] Decide(CreateForm command, FormState? state)
    {
        if (state is not null) throw new RuleViolation($"Form {command.FormId} already exists.");
        var (title, questions) = ValidDesign(command.Title, command.Questions);
        return [new FormCreated(command.FormId, command.SchoolId, title, questions, command.ActorId, command.At.ToUniversalTime())];
    }
}
