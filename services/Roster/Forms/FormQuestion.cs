namespace Portal.Roster.Forms;

public enum QuestionType { ShortText, LongText, SingleChoice, MultipleChoice, Date, Consent, GuardianDetails }

/// <summary>
/// One question of a form. <see cref="Options"/> is empty except for choice questions. A GuardianDetails question asks
/// for a parent's or guardian's contact details: only a guardian answers it.
/// </summary>
public sealed record FormQuestion(string Id, QuestionType Type, string Prompt, bool Required, IReadOnlyList<string> Options)
{
    public bool IsChoice => Type is QuestionType.SingleChoice or QuestionType.MultipleChoice;

    public bool ForGuardian => Type == QuestionType.GuardianDetails;
}

/// <summary>
/// An answer to one question, typed: text for ShortText and LongText, Choices for the choice questions (one for
/// SingleChoice), Date for Date, Consent for Consent.
/// </summary>
public sealed record FormAnswer(
    string QuestionId, string? Text = null, IReadOnlyList<string>? Choices = null, DateOnly? Date = null, bool? Consent = null);
