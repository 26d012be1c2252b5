using System.Globalization;
using System.Text.Json;

namespace Portal.Roster.Forms;

/// <summary>Who answers a form: the student it is assigned to, or a parent/guardian of that student.</summary>
public enum Respondent { Student, Guardian }

/// <summary>
/// Checks answers against the form's questions and types them. Every problem is listed under
/// <c>answers.{questionId}</c>. GuardianDetails questions are for a parent or guardian: a student's answer to one is
/// refused, and a student is never required to answer one; a guardian answers them as text like any other question.
/// </summary>
public static class ResponseAnswers
{
    public const int MaxShortText = 500;
    public const int MaxLongText = 10_000;
    public const int MaxGuardianDetails = 1_000;

    public static IReadOnlyList<FormAnswer> Valid(FormState form, IReadOnlyDictionary<string, JsonElement> given, Respondent respondent)
    {
        var errors = new FieldErrors();
        foreach (var id in given.Keys.Where(id => form.Questions.All(q => q.Id != id)))
            errors.Add($"answers.{id}", $"The form has no question '{id}'.");

        var answers = new List<FormAnswer>();
        foreach (var question in form.Questions)
        {
            var field = $"answers.{question.Id}";
            var answered = given.TryGetValue(question.Id, out var value) && !IsEmpty(value);
            if (question.ForGuardian && respondent == Respondent.Student)
            {
                if (answered)
                    errors.Add(field, $"Question '{question.Id}' ({question.Prompt}) is for a parent or guardian to answer; a student cannot answer it.");
                continue;
            }
            if (!answered)
            {
                if (question.Required) errors.Add(field, $"Question '{question.Id}' ({question.Prompt}) is required.");
                continue;
            }
            if (Typed(question, value) is { } answer)
            {
                if (question is { Type: QuestionType.Consent, Required: true } && answer.Consent != true)
                    errors.Add(field, $"Question '{question.Id}' ({question.Prompt}) needs consent to submit the form: answer true.");
                else
                    answers.Add(answer);
            }
            else
                errors.Add(field, Expected(question));
        }
        errors.ThrowIfAny();
        return answers;
    }

    private static bool IsEmpty(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => true,
        JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetString()),
        JsonValueKind.Array => value.GetArrayLength() == 0,
        _ => false,
    };

    private static FormAnswer? Typed(FormQuestion question, JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : null;
        return question.Type switch
        {
            QuestionType.ShortText when text is { Length: <= MaxShortText } => new FormAnswer(question.Id, Text: text),
            QuestionType.LongText when text is { Length: <= MaxLongText } => new FormAnswer(question.Id, Text: text),
            QuestionType.SingleChoice when Option(question, text) is { } option => new FormAnswer(question.Id, Choices: [option]),
            QuestionType.MultipleChoice when Options(question, value) is { } options => new FormAnswer(question.Id, Choices: options),
            QuestionType.Date when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) =>
                new FormAnswer(question.Id, Date: date),
            QuestionType.Consent when value.ValueKind is JsonValueKind.True or JsonValueKind.False => new FormAnswer(question.Id, Consent: value.GetBoolean()),
            QuestionType.GuardianDetails when text is { Length: <= MaxGuardianDetails } => new FormAnswer(question.Id, Text: text),
            _ => null,
        };
    }

    private static string? Option(FormQuestion question, string? text) =>
        text is null ? null : question.Options.FirstOrDefault(o => o.Equals(text, StringComparison.OrdinalIgnoreCase));

    private static IReadOnlyList<string>? Options(FormQuestion question, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array) return null;
        var chosen = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            var option = Option(question, item.ValueKind == JsonValueKind.String ? item.GetString()!.Trim() : null);
            if (option is null || chosen.Contains(option)) return null;
            chosen.Add(option);
        }
        return chosen;
    }

    private static string Expected(FormQuestion question)
    {
        var named = $"Question '{question.Id}' ({question.Prompt})";
        var among = Portal.ServiceDefaults.Problems.Text.List(question.Options.Select(o => $"'{o}'"), "or");
        return question.Type switch
        {
            QuestionType.ShortText => $"{named} takes text of at most {MaxShortText} characters.",
            QuestionType.LongText => $"{named} takes text of at most {MaxLongText} characters.",
            QuestionType.SingleChoice => $"{named} takes one of {among}.",
            QuestionType.MultipleChoice => $"{named} takes a list of different options among {among}.",
            QuestionType.Date => $"{named} takes a date as yyyy-MM-dd.",
            QuestionType.Consent => $"{named} takes true or false.",
            QuestionType.GuardianDetails => $"{named} takes the parent's or guardian's details as text of at most {MaxGuardianDetails} characters.",
            _ => $"{named} cannot be answered here.",
        };
    }
}
