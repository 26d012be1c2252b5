namespace Portal.Roster.Forms;

public sealed record QuestionView(string Id, QuestionType Type, string Prompt, bool Required, IReadOnlyList<string> Options, bool ForGuardian)
{
    public static QuestionView Of(FormQuestion q) => new(q.Id, q.Type, q.Prompt, q.Required, q.Options, q.ForGuardian);
}

/// <summary>A form as staff see it.</summary>
public sealed record FormView(
    Guid Id, Guid SchoolId, string Title, IReadOnlyList<QuestionView> Questions, Guid CreatedBy, DateTimeOffset CreatedAt,
    IReadOnlyList<Guid> AssignedStudentIds, IReadOnlyList<Guid> GuardianStudentIds)
{
    public static FormView Of(FormState f) => new(
        f.Id, f.SchoolId, f.Title, f.Questions.Select(QuestionView.Of).ToList(), f.CreatedBy, f.CreatedAt, f.AssignedStudentIds, f.GuardianStudentIds);
}

public sealed record FormSummary(Guid Id, Guid SchoolId, string Title, int Questions, int AssignedStudents, DateTimeOffset CreatedAt)
{
    public static FormSummary Of(FormState f) => new(f.Id, f.SchoolId, f.Title, f.Questions.Count, f.AssignedStudentIds.Count, f.CreatedAt);
}

public enum StudentFormStatus { NotStarted, Submitted }

/// <summary>A form in the student's list.</summary>
public sealed record StudentFormSummary(Guid Id, string Title, StudentFormStatus Status, DateTimeOffset? SubmittedAt)
{
    public static StudentFormSummary Of(FormState form, FormResponseState? response) =>
        new(form.Id, form.Title, response is null ? StudentFormStatus.NotStarted : StudentFormStatus.Submitted, response?.SubmittedAt);
}

/// <summary>A form as its student sees it: the questions (those for a guardian marked), and their current answers.</summary>
public sealed record StudentFormView(
    Guid Id, string Title, StudentFormStatus Status, DateTimeOffset? SubmittedAt, IReadOnlyList<QuestionView> Questions,
    IReadOnlyList<FormAnswer> Answers)
{
    public static StudentFormView Of(FormState form, FormResponseState? response) => new(
        form.Id, form.Title, response is null ? StudentFormStatus.NotStarted : StudentFormStatus.Submitted, response?.SubmittedAt,
        form.Questions.Select(QuestionView.Of).ToList(), response?.Answers ?? []);
}

/// <summary>
/// One current response, as staff see it: the student's own, or one of their guardian's (<see cref="AnsweredBy"/>
/// Guardian, with the guardian's account id), both under the student's name.
/// </summary>
public sealed record ResponseView(
    Guid StudentId, string GivenName, string FamilyName, int Submission, DateTimeOffset SubmittedAt, IReadOnlyList<FormAnswer> Answers,
    Respondent AnsweredBy, Guid? GuardianId);
