using System.Text.RegularExpressions;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Forms;

/// <summary>A question as staff send it; the decider checks it and makes a <see cref="FormQuestion"/>.</summary>
public sealed record QuestionInput(string? Id, string? Type, string? Prompt, bool? Required, IReadOnlyList<string>? Options);

/// <summary>The rules of a form's title and questions, shared by creating and editing.</summary>
public static partial class Form
{
    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex QuestionIdPattern();

    public static (string Title, IReadOnlyList<FormQuestion> Questions) ValidDesign(string? title, IReadOnlyList<QuestionInput?>? questions)
    {
        var errors = new FieldErrors();
        var validTitle = Attempt(errors, () => Text.Required(title, "title", "Form title", MaxTitleLength));
        var valid = new List<FormQuestion>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (questions is null || questions.Count == 0)
            errors.Add("questions", "A form needs at least one question.");
        else if (questions.Count > MaxQuestions)
            errors.Add("questions", $"A form has at most {MaxQuestions} questions (this one has {questions.Count}).");
        else
            for (var i = 0; i < questions.Count; i++)
                if (ValidQuestion(errors, $"questions[{i}]", questions[i], ids) is { } question)
                    valid.Add(question);
        errors.ThrowIfAny();
        return (validTitle!, valid);
    }

    private static FormQuestion? ValidQuestion(FieldErrors errors, string field, QuestionInput? input, ISet<string> idsSoFar)
    {
        if (input is null)
        {
            errors.Add(field, "A question is missing.");
            return null;
        }
        var id = input.Id?.Trim() ?? "";
        if (id.Length == 0)
            errors.Add($"{field}.id", "Each question needs an id.");
        else if (id.Length > MaxQuestionIdLength || !QuestionIdPattern().IsMatch(id))
            errors.Add($"{field}.id", $"Question id '{id}' must be at most {MaxQuestionIdLength} letters, digits, '-' or '_'.");
        else if (!idsSoFar.Add(id))
            errors.Add($"{field}.id", $"Question id '{id}' is used by more than one question.");

        var prompt = Attempt(errors, () => Text.Required(input.Prompt, $"{field}.prompt", "The question's prompt", MaxPromptLength));
        var named = id.Length > 0 ? $"Question '{id}'" : "A question";
        if (!Enum.TryParse<QuestionType>(input.Type?.Trim(), ignoreCase: true, out var type) || int.TryParse(input.Type, out _))
        {
            errors.Add($"{field}.type", $"{named} has type '{input.Type}'; a question's type is one of {Text.List(Enum.GetNames<QuestionType>(), "or")}.");
            return null;
        }
        var options = ValidOptions(errors, field, named, type, input.Options);
        return id.Length > 0 && prompt is not null && options is not null
            ? new FormQuestion(id, type, prompt, input.Required ?? false, options)
            : null;
    }

    private static IReadOnlyList<string>? ValidOptions(
        FieldErrors errors, string field, string named, QuestionType type, IReadOnlyList<string>? options)
    {
        var given = options ?? [];
        if (type is not (QuestionType.SingleChoice or QuestionType.MultipleChoice))
        {
            if (given.Count == 0) return [];
            errors.Add($"{field}.options", $"{named} is {type}: only single and multiple choice questions have options.");
            return null;
        }
        if (given.Count < 2)
        {
            errors.Add($"{field}.options", $"{named} is {type}: it needs at least two options to choose from.");
            return null;
        }
        if (given.Count > MaxOptions)
        {
            errors.Add($"{field}.options", $"{named} has {given.Count} options; at most {MaxOptions} are allowed.");
            return null;
        }
        var valid = new List<string>();
        foreach (var option in given)
        {
            var text = option?.Trim() ?? "";
            if (text.Length == 0 || text.Length > MaxOptionLength)
                errors.Add($"{field}.options", $"{named} has an option that is blank or longer than {MaxOptionLength} characters.");
            else if (valid.Contains(text, StringComparer.OrdinalIgnoreCase))
                errors.Add($"{field}.options", $"{named} lists the option '{text}' more than once.");
            else
                valid.Add(text);
        }
        return valid.Count == given.Count ? valid : null;
    }

    private static string? Attempt(FieldErrors errors, Func<string> check)
    {
        try
        {
            return check();
        }
        catch (ValidationFailed failed)
        {
            foreach (var (field, messages) in failed.Errors)
                foreach (var message in messages) errors.Add(field, message);
            return null;
        }
    }
}
