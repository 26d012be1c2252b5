using Marten;
using Portal.ServiceDefaults.Http;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Forms;

public sealed record SubmitResponseRequest(Dictionary<string, System.Text.Json.JsonElement>? Answers);

/// <summary>
/// The signed-in student's forms: only those assigned to them (any other answers 404, as one that does not exist).
/// The token's subject is the student's Roster id and its organisation the tenant.
/// </summary>
public static class MyFormsEndpoints
{
    /// <summary>The forms assigned to the student, newest first, with whether they have submitted each (also on their dashboard).</summary>
    public static async Task<IReadOnlyList<StudentFormSummary>> AssignedTo(IQuerySession session, Guid student, CancellationToken cancellation)
    {
        var forms = await session.Query<FormState>().Where(f => f.AssignedStudentIds.Contains(student))
            .OrderByDescending(f => f.CreatedAt).ToListAsync(cancellation);
        var responses = (await session.Query<FormResponseState>().Where(r => r.StudentId == student && r.GuardianId == null).ToListAsync(cancellation))
            .ToDictionary(r => r.FormId);
        return forms.Select(f => StudentFormSummary.Of(f, responses.GetValueOrDefault(f.Id))).ToList();
    }

    public static void MapMyForms(this RouteGroupBuilder group)
    {
        group.MapGet("/", async (IQuerySession session, HttpContext http) =>
        {
            var me = await FormAccess.Me(session, http);
            return Results.Ok(await AssignedTo(session, me.Id, http.RequestAborted));
        }).WithName("MyForms").WithSummary("The forms assigned to the signed-in student, with whether they have submitted each (students only).");

        group.MapGet("/{form:guid}", async (Guid form, IQuerySession session, HttpContext http) =>
        {
            var me = await FormAccess.Me(session, http);
            var state = await AssignedForm(session, http, form, me.Id);
            var response = await session.LoadAsync<FormResponseState>(Form.ResponseIdOf(form, me.Id), http.RequestAborted);
            return Results.Ok(StudentFormView.Of(state, response));
        }).WithName("MyForm")
            .WithSummary("A form assigned to the signed-in student: its questions (forGuardian marks those only a parent/guardian answers) and their answers.");

        group.MapPost("/{form:guid}/responses", async (Guid form, SubmitResponseRequest body, IDocumentSession session, HttpContext http) =>
        {
            var me = await FormAccess.Me(session, http);
            var state = await AssignedForm(session, http, form, me.Id);
            var stream = await session.Events.FetchForWriting<FormResponseState>(Form.ResponseIdOf(form, me.Id), http.RequestAborted);
            var first = stream.Aggregate is null;
            stream.AppendMany(Form.Decide(new SubmitFormResponse(form, me.Id, body.Answers, DateTimeOffset.UtcNow), state, stream.Aggregate));
            await session.SaveChangesAsync(http.RequestAborted);
            var view = StudentFormView.Of(state, await session.LoadAsync<FormResponseState>(Form.ResponseIdOf(form, me.Id), http.RequestAborted));
            return first ? Results.Created(http.LinkTo($"/me/forms/{form}"), view) : Results.Ok(view);
        }).WithName("SubmitMyFormResponse")
            .WithSummary("Submit the signed-in student's answers by question id (201 the first time; 200 when replacing earlier answers).");
    }

    private static async Task<FormState> AssignedForm(IQuerySession session, HttpContext http, Guid form, Guid student)
    {
        var state = await session.LoadAsync<FormState>(form, http.RequestAborted);
        return state is not null && state.AssignedStudentIds.Contains(student) ? state : throw new NotFound(Form.NotFoundMessage(form));
    }
}
