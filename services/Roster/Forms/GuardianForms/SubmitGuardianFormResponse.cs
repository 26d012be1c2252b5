using System.Text.Json;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Forms;

/// <summary>
/// A parent or guardian submits their answers to a form assigned to the guardians of their child, by question id; every
/// question is theirs to answer, Guardian Details included. A later submission replaces the earlier one. That the
/// guardian is paired with the child is checked before deciding (pairings live outside the organisation's streams).
/// </summary>
public sealed record SubmitGuardianFormResponse(
    Guid FormId, Guid StudentId, Guid GuardianId, IReadOnlyDictionary<string, JsonElement>? Answers, DateTimeOffset At);

public static partial class Form
{
    private static readonly Guid GuardianResponseNamespace = new("3c9e5a71-d2b4-4f08-8e61-a7f04b2c9d15");

    /// <summary>
    /// One response stream per form, child and guardian: two parents of one child answer separately (each their own
    /// details and consent) without contending for one stream, and each sees and replaces only their own answers.
    /// </summary>
    public static Guid GuardianResponseIdOf(Guid form, Guid student, Guid guardian) =>
        NameBasedGuid.Create(GuardianResponseNamespace, $"{form:N}/{student:N}/{guardian:N}");

    public static object[] Decide(SubmitGuardianFormResponse command, FormState form, FormResponseState? previous)
    {
        if (!form.GuardianStudentIds.Contains(command.StudentId)) throw new NotFound(NotFoundMessage(command.FormId));
        var answers = ResponseAnswers.Valid(form, command.Answers ?? new Dictionary<string, JsonElement>(), Respondent.Guardian);
        return
        [
            new GuardianFormResponseSubmitted(GuardianResponseIdOf(command.FormId, command.StudentId, command.GuardianId), command.FormId,
                command.StudentId, command.GuardianId, answers, (previous?.Submission ?? 0) + 1, command.At.ToUniversalTime()),
        ];
    }
}
