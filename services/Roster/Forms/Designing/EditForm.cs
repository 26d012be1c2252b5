using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Forms;

/// <summary>
/// A member of staff changes a form's title and questions. Only while no student has responded: answers given to one
/// set of questions would not fit another (a new form is the way to ask something else then).
/// </summary>
public sealed record EditForm(
    Guid FormId, string? Title, IReadOnlyList<QuestionInput?>? Questions, bool ResponsesExist, Guid ActorId, DateTimeOffset At);

public static partial class Form
{
    public static object[] Decide(EditForm command, FormState state)
    {
        if (command.ResponsesExist)
            throw new RuleViolation($"Form {command.FormId} already has responses, so its questions can no longer change; create a new form instead.");
        var (title, questions) = ValidDesign(command.Title, command.Questions);
        if (title == state.Title && questions.SequenceEqual(state.Questions, FormQuestionComparer.Instance)) return [];
        return [new FormEdited(command.FormId, title, questions, command.ActorId, command.At.ToUniversalTime())];
    }

    private sealed class FormQuestionComparer : IEqualityComparer<FormQuestion>
    {
        public static readonly FormQuestionComparer Instance = new();

        public bool Equals(FormQuestion? x, FormQuestion? y) =>
            x is not null && y is not null && x with { Options = y.Options } == y && x.Options.SequenceEqual(y.Options);

        public int GetHashCode(FormQuestion obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
