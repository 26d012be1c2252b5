namespace Portal.Roster.Forms;

/// <summary>A form in a guardian's list for one child; the status is of this guardian's own response.</summary>
public sealed record ChildFormSummary(Guid Id, Guid StudentId, string Title, StudentFormStatus Status, DateTimeOffset? SubmittedAt)
{
    public static ChildFormSummary Of(FormState form, Guid student, FormResponseState? response) =>
        new(form.Id, student, form.Title, response is null ? StudentFormStatus.NotStarted : StudentFormStatus.Submitted, response?.SubmittedAt);
}

/// <summary>A form as a guardian sees it for one child: every question (all theirs to answer) and their own current answers.</summary>
public sealed record ChildFormView(
    Guid Id, Guid StudentId, string Title, StudentFormStatus Status, DateTimeOffset? SubmittedAt, IReadOnlyList<QuestionView> Questions,
    IReadOnlyList<FormAnswer> Answers)
{
    public static ChildFormView Of(FormState form, Guid student, FormResponseState? response) => new(
        form.Id, student, form.Title, response is null ? StudentFormStatus.NotStarted : StudentFormStatus.Submitted, response?.SubmittedAt,
        form.Questions.Select(QuestionView.Of).ToList(), response?.Answers ?? []);
}
