using System.Text.Json;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Forms;

/// <summary>
/// A student submits their answers to a form assigned to them, by question id. A later submission replaces the earlier
/// one (students correct mistakes; staff see the current answers, and every submission stays in the stream).
/// </summary>
public sealed record SubmitFormResponse(Guid FormId, Guid StudentId, IReadOnlyDictionary<string, JsonElement>? Answers, DateTimeOffset At);

public static partial class Form
{
    public static object[] Decide(SubmitFormResponse command, FormState form, FormResponseState? previous)
    {
        if (!form.AssignedStudentIds.Contains(command.StudentId)) throw new NotFound(NotFoundMessage(command.FormId));
        var answers = ResponseAnswers.Valid(form, command.Answers ?? new Dictionary<string, JsonElement>(), Respondent.Student);
        return
        [
            new FormResponseSubmitted(ResponseIdOf(command.FormId, command.StudentId), command.FormId, command.StudentId, answers,
                (previous?.Submission ?? 0) + 1, command.At.ToUniversalTime()),
        ];
    }
}
