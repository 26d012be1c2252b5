using Marten;
using Portal.Roster.Access;
using Portal.Roster.Schools;
using Portal.Roster.Students;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Forms;

/// <summary>Exactly one of a student, a class or a year group (of the form's school).</summary>
public sealed record AssignFormRequest(Guid? StudentId, Guid? ClassId, string? YearGroup);

public sealed record AssignGuardiansRequest(IReadOnlyList<Guid>? StudentIds);

/// <summary>
/// Who was assigned: <see cref="StudentIds"/> every student the request named or resolved to, <see cref="NewlyAssigned"/>
/// those not assigned before, and warnings for the member of staff (questions the students cannot answer).
/// </summary>
public sealed record AssignmentResult(Guid FormId, IReadOnlyList<Guid> StudentIds, IReadOnlyList<Guid> NewlyAssigned, IReadOnlyList<string> Warnings);

public static class FormAssignmentEndpoints
{
    public static void MapFormAssignmentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/forms/{form:guid}/assignments", async (Guid form, AssignFormRequest body, IDocumentSession session, HttpContext http) =>
        {
            var state = await FormAccess.ReachableForm(session, http, form);
            var (assignee, target, yearGroup, students) = await Resolve(session, http, state, body);
            var decided = Array.Empty<object>();
            await session.Decide<FormState>(form, http, current => decided = Form.Decide(
                new AssignFormToStudents(form, assignee, target, yearGroup, students, RosterAccess.ActorId(http), DateTimeOffset.UtcNow), current),
                Form.NotFoundMessage(form));
            var newly = decided.OfType<FormAssignedToStudents>().SelectMany(e => e.StudentIds).ToList();
            return Results.Ok(new AssignmentResult(form, students, newly, Form.WarningsForStudents(state)));
        }).RequirePermission(PermissionMatrix.ManageCustomForms)
            .WithSummary("Assign a form to one student, a class or a year group (resolved to its students now); warns when students cannot answer some questions.");

        app.MapPost("/forms/{form:guid}/guardian-assignments", async (Guid form, AssignGuardiansRequest body, IDocumentSession session, HttpContext http) =>
        {
            var state = await FormAccess.ReachableForm(session, http, form);
            var students = body.StudentIds ?? [];
            foreach (var id in students)
                await StudentOfFormSchool(session, http, state, id, "studentIds");
            var decided = Array.Empty<object>();
            await session.Decide<FormState>(form, http, current => decided = Form.Decide(
                new AssignFormToGuardians(form, students, RosterAccess.ActorId(http), DateTimeOffset.UtcNow), current), Form.NotFoundMessage(form));
            var newly = decided.OfType<FormAssignedToGuardians>().SelectMany(e => e.StudentIds).ToList();
            return Results.Ok(new AssignmentResult(form, students, newly, []));
        }).RequirePermission(PermissionMatrix.ManageCustomForms)
            .WithSummary("Ask the parents/guardians of these students to answer the form (they answer at /me/children/{student}/forms).");
    }

    private static async Task<(FormAssignee, Guid?, string?, IReadOnlyList<Guid>)> Resolve(
        IQuerySession session, HttpContext http, FormState form, AssignFormRequest body)
    {
        var named = new object?[] { body.StudentId, body.ClassId, string.IsNullOrWhiteSpace(body.YearGroup) ? null : body.YearGroup }.Count(x => x is not null);
        if (named != 1)
            throw new ValidationFailed("assignTo", "Name exactly one of studentId, classId or yearGroup to assign the form to.");
        var cancellation = http.RequestAborted;

        if (body.StudentId is { } studentId)
        {
            var student = await StudentOfFormSchool(session, http, form, studentId, "studentId");
            if (!student.Active) throw new RuleViolation($"Student {studentId} is no longer on the roll; the form was not assigned.");
            return (FormAssignee.Student, studentId, null, [studentId]);
        }
        if (body.ClassId is { } classId)
        {
            var @class = await RosterAccess.ReachableClass(session, http, classId);
            if (@class.SchoolId != form.SchoolId)
                throw new ValidationFailed("classId", $"Class {classId} is not a class of the form's school.");
            var members = await session.LoadManyAsync<StudentState>(cancellation, @class.StudentIds);
            return (FormAssignee.Class, classId, null, members.Where(s => s.Active && s.SchoolId == form.SchoolId).Select(s => s.Id).ToList());
        }

        if (http.GrantedScope() < Scope.OwnInstitution)
            throw new Forbidden("A teacher assigns forms to their own classes and students; assigning a whole year group needs a school administrator.");
        var school = await StudentQueries.SchoolOf(session, form.SchoolId, cancellation);
        var yearGroup = school.YearGroupIdFor(body.YearGroup!);
        if (school.YearGroups.Count > 0 && !school.HasYearGroup(yearGroup))
            throw new ValidationFailed("yearGroup", $"The form's school has no year group '{body.YearGroup!.Trim()}'.");
        var ids = await session.Query<StudentState>()
            .Where(s => s.SchoolId == form.SchoolId && s.YearGroup == yearGroup && s.DateLeft == null && !s.Deleted)
            .Select(s => s.Id).ToListAsync(cancellation);
        return (FormAssignee.YearGroup, null, yearGroup, ids.ToList());
    }

    private static async Task<StudentState> StudentOfFormSchool(IQuerySession session, HttpContext http, FormState form, Guid id, string field)
    {
        var student = await RosterAccess.ReachableStudent(session, http, id);
        return student.SchoolId == form.SchoolId
            ? student
            : throw new ValidationFailed(field, $"Student {id} is not on the roll of the form's school.");
    }
}
