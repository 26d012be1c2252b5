using Marten;
using Portal.ServiceDefaults.Http;

namespace Portal.Roster.Forms;

/// <summary>
/// A parent's or guardian's side of custom forms, per paired child: the forms staff assigned to the child's guardians,
/// answered by each guardian for themselves (guardians only).
/// </summary>
public static class GuardianFormsEndpoints
{
    public static void MapGuardianForms(this RouteGroupBuilder group)
    {
        group.MapGet("/", async (Guid student, IDocumentStore store, HttpContext http) =>
        {
            var child = await GuardianFormAccess.PairedChildOf(store, http, student);
            await using var session = store.QuerySession(child.Tenant);
            await GuardianFormAccess.EnsureChildPresent(session, child, http.RequestAborted);
            return Results.Ok(await GuardianFormAccess.FormsOf(session, child, http.RequestAborted));
        }).WithName("MyChildForms")
            .WithSummary("The forms assigned to the guardians of a paired child, newest first, with whether the signed-in guardian has submitted each.");

        group.MapGet("/{form:guid}", async (Guid student, Guid form, IDocumentStore store, HttpContext http) =>
        {
            var child = await GuardianFormAccess.PairedChildOf(store, http, student);
            await using var session = store.QuerySession(child.Tenant);
            await GuardianFormAccess.EnsureChildPresent(session, child, http.RequestAborted);
            var state = await GuardianFormAccess.FormForGuardiansOf(session, form, child, http.RequestAborted);
            var response = await session.LoadAsync<FormResponseState>(
                Form.GuardianResponseIdOf(form, student, child.GuardianId), http.RequestAborted);
            return Results.Ok(ChildFormView.Of(state, student, response));
        }).WithName("MyChildForm")
            .WithSummary("A form assigned to a paired child's guardians: its questions (Guardian Details included) and the signed-in guardian's answers.");

        group.MapPost("/{form:guid}/responses", async (Guid student, Guid form, SubmitResponseRequest body, IDocumentStore store, HttpContext http) =>
        {
            var child = await GuardianFormAccess.PairedChildOf(store, http, student);
            var cancellation = http.RequestAborted;
            await using var session = store.LightweightSession(child.Tenant);
            await GuardianFormAccess.EnsureChildPresent(session, child, cancellation);
            var state = await GuardianFormAccess.FormForGuardiansOf(session, form, child, cancellation);
            var id = Form.GuardianResponseIdOf(form, student, child.GuardianId);
            var stream = await session.Events.FetchForWriting<FormResponseState>(id, cancellation);
            var first = stream.Aggregate is null;
            stream.AppendMany(Form.Decide(
                new SubmitGuardianFormResponse(form, student, child.GuardianId, body.Answers, DateTimeOffset.UtcNow), state, stream.Aggregate));
            await session.SaveChangesAsync(cancellation);
            var view = ChildFormView.Of(state, student, await session.LoadAsync<FormResponseState>(id, cancellation));
            return first ? Results.Created(http.LinkTo($"/me/children/{student}/forms/{form}"), view) : Results.Ok(view);
        }).WithName("SubmitMyChildFormResponse")
            .WithSummary("Submit the signed-in guardian's answers for a paired child by question id, Guardian Details included (201 the first time; 200 when replacing).");
    }
}
