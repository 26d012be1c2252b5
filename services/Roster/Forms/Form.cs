using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Forms;

/// <summary>
/// The form decider: one <c>Decide(command, state)</c> per use case, each beside its command. Pure: refusals throw
/// ValidationFailed (400, every bad field listed at once), RuleViolation (409) or NotFound (404).
/// </summary>
public static partial class Form
{
    public const int MaxTitleLength = 200;
    public const int MaxQuestions = 100;
    public const int MaxQuestionIdLength = 50;
    public const int MaxPromptLength = 500;
    public const int MaxOptions = 50;
    public const int MaxOptionLength = 200;

    private static readonly Guid ResponseNamespace = new("6f0b6c1e-4a57-4f3e-9a8e-2d4c0f0f0f06");

    public static string NotFoundMessage(Guid form) => $"Form {form} was not found.";

    /// <summary>One response stream per student and form, found from the pair without a lookup.</summary>
    public static Guid ResponseIdOf(Guid form, Guid student) => NameBasedGuid.Create(ResponseNamespace, $"{form:N}/{student:N}");

    /// <summary>What the member of staff is told when students are assigned a form with questions only a guardian may answer.</summary>
    public static IReadOnlyList<string> WarningsForStudents(FormState form) =>
        form.Questions.Where(q => q.ForGuardian)
            .Select(q => $"Question '{q.Id}' ({q.Prompt}) asks for parent/guardian details: students cannot answer it; assign the form to their guardians for that.")
            .ToList();
}

/// <summary>Collects field errors so one refusal lists every problem of the request.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = [];

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(message);
    }

    public bool Any => errors.Count > 0;

    public void ThrowIfAny()
    {
        if (Any) throw new ValidationFailed(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
