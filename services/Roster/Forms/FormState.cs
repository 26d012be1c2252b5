namespace Portal.Roster.Forms;

/// <summary>
/// A custom form of a school with the students it is assigned to (and the students whose guardians it is assigned to).
/// Marten keeps it as an inline snapshot through the public Create/Apply methods; never mutate one fetched from Marten.
/// </summary>
public sealed record FormState(
    Guid Id,
    Guid SchoolId,
    string Title,
    IReadOnlyList<FormQuestion> Questions,
    Guid CreatedBy,
    IReadOnlyList<Guid> AssignedStudentIds,
    IReadOnlyList<Guid> GuardianStudentIds,
    DateTimeOffset CreatedAt)
{
    public static FormState Create(FormCreated e) =>
        new(e.FormId, e.SchoolId, e.Title, e.Questions, e.ActorId, AssignedStudentIds: [], GuardianStudentIds: [], e.At);

    public FormState Apply(FormEdited e) => this with { Title = e.Title, Questions = e.Questions };

    public FormState Apply(FormAssignedToStudents e) => this with { AssignedStudentIds = [.. AssignedStudentIds, .. e.StudentIds] };

    public FormState Apply(FormAssignedToGuardians e) => this with { GuardianStudentIds = [.. GuardianStudentIds, .. e.StudentIds] };

    public bool HasGuardianQuestions => Questions.Any(q => q.ForGuardian);
}

/// <summary>
/// A current response to a form (the latest submission), by the student or, when <see cref="GuardianId"/> is set, by
/// that guardian of the student. Inline snapshot, queried per form.
/// </summary>
public sealed record FormResponseState(
    Guid Id, Guid FormId, Guid StudentId, IReadOnlyList<FormAnswer> Answers, int Submission, DateTimeOffset SubmittedAt, Guid? GuardianId = null)
{
    public static FormResponseState Create(FormResponseSubmitted e) => new(e.ResponseId, e.FormId, e.StudentId, e.Answers, e.Submission, e.At);

    public static FormResponseState Create(GuardianFormResponseSubmitted e) =>
        new(e.ResponseId, e.FormId, e.StudentId, e.Answers, e.Submission, e.At, e.GuardianId);

    public FormResponseState Apply(FormResponseSubmitted e) => this with { Answers = e.Answers, Submission = e.Submission, SubmittedAt = e.At };

    public FormResponseState Apply(GuardianFormResponseSubmitted e) => this with { Answers = e.Answers, Submission = e.Submission, SubmittedAt = e.At };

    public Respondent AnsweredBy => GuardianId is null ? Respondent.Student : Respondent.Guardian;
}
