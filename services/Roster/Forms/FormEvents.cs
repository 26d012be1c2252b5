namespace Portal.Roster.Forms;

// The events of a custom form's stream (tenant = organisation). ActorId is the member of staff who acted.

public sealed record FormCreated(
    Guid FormId, Guid SchoolId, string Title, IReadOnlyList<FormQuestion> Questions, Guid ActorId, DateTimeOffset At);

public sealed record FormEdited(Guid FormId, string Title, IReadOnlyList<FormQuestion> Questions, Guid ActorId, DateTimeOffset At);

public enum FormAssignee { Student, Class, YearGroup }

/// <summary>
/// The form was assigned to one student, a class or a year group. The class or year group is resolved to its students
/// when assigning, and <see cref="StudentIds"/> records exactly who that was (only those newly assigned); students who
/// join the class later are not assigned by this event.
/// </summary>
public sealed record FormAssignedToStudents(
    Guid FormId, FormAssignee AssignedTo, Guid? TargetId, string? YearGroup, IReadOnlyList<Guid> StudentIds, Guid ActorId, DateTimeOffset At);

/// <summary>The form is for the guardians of these students to answer (newly assigned ones only).</summary>
public sealed record FormAssignedToGuardians(Guid FormId, IReadOnlyList<Guid> StudentIds, Guid ActorId, DateTimeOffset At);

/// <summary>
/// A student's answers to a form, in the stream of that student's response to that form. A later submission replaces
/// the earlier one as the current answers; <see cref="Submission"/> counts them (1 for the first).
/// </summary>
public sealed record FormResponseSubmitted(
    Guid ResponseId, Guid FormId, Guid StudentId, IReadOnlyList<FormAnswer> Answers, int Submission, DateTimeOffset At);

/// <summary>
/// A parent's or guardian's answers to a form assigned to the guardians of <see cref="StudentId"/>, in the stream of
/// that guardian's response for that student (each guardian of a child answers for themselves). A later submission
/// replaces the earlier one; <see cref="Submission"/> counts them (1 for the first).
/// </summary>
public sealed record GuardianFormResponseSubmitted(
    Guid ResponseId, Guid FormId, Guid StudentId, Guid GuardianId, IReadOnlyList<FormAnswer> Answers, int Submission, DateTimeOffset At);
