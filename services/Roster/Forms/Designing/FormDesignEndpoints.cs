using Marten;
using Portal.Roster.Access;
using Portal.Roster.Classes;
using Portal.Roster.Students;
using Portal.ServiceDefaults.Http;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Security;

namespace Portal.Roster.Forms;

public sealed record FormDesignRequest(string? Title, IReadOnlyList<QuestionInput?>? Questions);

/// <summary>Creating, listing, reading and editing a school's custom forms.</summary>
public static class FormDesignEndpoints
{
    public static void MapFormDesignEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/institutions/{school:guid}/forms", async (Guid school, FormDesignRequest body, IDocumentSession session, HttpContext http) =>
        {
            await ClassQueryEndpoints.EnsureSchool(session, http, school);
            var id = Guid.NewGuid();
            await session.Start(id, http, Form.Decide(
                new CreateForm(id, school, body.Title, body.Questions, RosterAccess.ActorId(http), DateTimeOffset.UtcNow), null));
            var created = await session.LoadAsync<FormState>(id, http.RequestAborted);
            return Results.Created(http.LinkTo($"/forms/{id}"), FormView.Of(created!));
        }).RequirePermission(PermissionMatrix.ManageCustomForms)
            .WithSummary("Create a custom form for a school: a title and questions (ShortText, LongText, SingleChoice, MultipleChoice, Date, Consent, GuardianDetails).");

        app.MapGet("/institutions/{school:guid}/forms", async (Guid school, IQuerySession session, HttpContext http) =>
        {
            await ClassQueryEndpoints.EnsureSchool(session, http, school);
            var forms = await session.Query<FormState>().Where(f => f.SchoolId == school)
                .OrderByDescending(f => f.CreatedAt).ToListAsync(http.RequestAborted);
            if (http.GrantedScope() == Scope.OwnClasses)
            {
                var me = RosterAccess.ActorId(http);
                var taught = await StudentQueries.StudentsTaughtBy(session, school, me, http.RequestAborted);
                forms = [.. forms.Where(f => FormAccess.TeacherReaches(f, me, taught))];
            }
            return Results.Ok(forms.Select(FormSummary.Of).ToList());
        }).RequirePermission(PermissionMatrix.ManageCustomForms)
            .WithSummary("A school's custom forms, newest first (a teacher's: those they created or assigned to their classes' students or guardians).");

        app.MapGet("/forms/{form:guid}", async (Guid form, IQuerySession session, HttpContext http) =>
        {
            var state = await FormAccess.ReachableForm(session, http, form);
            await session.SetETagOf(form, http);
            return Results.Ok(FormView.Of(state));
        }).RequirePermission(PermissionMatrix.ManageCustomForms)
            .WithSummary("A form with its questions and who it is assigned to; the ETag is its version for If-Match.");

        app.MapPut("/forms/{form:guid}", async (Guid form, FormDesignRequest body, IDocumentSession session, HttpContext http) =>
        {
            var state = await FormAccess.ReachableForm(session, http, form);
            FormAccess.EnsureMayChange(http, state);
            // Checked before deciding; a response landing in between is the one race left (answers then meet edited questions).
            var responsesExist = await session.Query<FormResponseState>().AnyAsync(r => r.FormId == form, http.RequestAborted);
            await session.Decide<FormState>(form, http, current => Form.Decide(
                new EditForm(form, body.Title, body.Questions, responsesExist, RosterAccess.ActorId(http), DateTimeOffset.UtcNow), current),
                Form.NotFoundMessage(form));
            return Results.Ok(FormView.Of((await session.LoadAsync<FormState>(form, http.RequestAborted))!));
        }).RequirePermission(PermissionMatrix.ManageCustomForms)
            .WithSummary("Change a form's title and questions while no student has responded (honours If-Match); afterwards 409.");
    }
}
