using Marten;
using Portal.Roster.Access;
using Portal.ServiceDefaults.Http;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Security;

namespace Portal.Roster.Classes;

public sealed record CreateClassRequest(string? Name, string? Subject);

public sealed record RenameClassRequest(string? Name, string? Subject);

/// <summary>Creating, renaming, activating and deactivating classes and groups.</summary>
public static class ClassManagementEndpoints
{
    public static void MapClassManagementEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/institutions/{school:guid}/classes", async (Guid school, CreateClassRequest body, IDocumentSession session, HttpContext http) =>
        {
            await ClassQueryEndpoints.EnsureSchool(session, http, school);
            var caller = RosterAccess.Caller(http);
            // A teacher manages only their own classes, so the class they create is theirs from the start.
            Guid? creatingTeacher = caller.StaffType == StaffType.Teacher ? caller.AccountId : null;
            var id = Guid.NewGuid();
            await session.Start(id, http, Class.Decide(
                new CreateClass(id, school, body.Name, body.Subject, creatingTeacher, caller.AccountId, DateTimeOffset.UtcNow), null));
            var created = await session.LoadAsync<ClassState>(id, http.RequestAborted);
            return Results.Created(http.LinkTo($"/classes/{id}"), await ClassView.Of(session, created!, http.RequestAborted));
        }).RequirePermission(PermissionMatrix.ManageClasses).WithTags("Classes")
            .WithSummary("Create a class or group in a school; a teacher who creates one becomes its teacher.");

        var group = app.MapGroup("/classes/{class:guid}").WithTags("Classes");

        group.MapPut("/", async (Guid @class, RenameClassRequest body, IDocumentSession session, HttpContext http) =>
        {
            await session.Change(http, @class, (state, actor, at) => Class.Decide(new RenameClass(@class, body.Name, body.Subject, actor, at), state));
            var renamed = await session.LoadAsync<ClassState>(@class, http.RequestAborted);
            return Results.Ok(await ClassView.Of(session, renamed!, http.RequestAborted));
        }).RequirePermission(PermissionMatrix.ManageClasses)
            .WithSummary("Rename a class and set its subject (honours If-Match). A class from the MIS takes the MIS's name again at its next sync.");

        group.MapPost("/activate", async (Guid @class, IDocumentSession session, HttpContext http) =>
        {
            await session.Change(http, @class, (state, actor, at) => Class.Decide(new ActivateClass(@class, actor, at), state));
            return Results.NoContent();
        }).RequirePermission(PermissionMatrix.ManageClasses).WithSummary("Bring a deactivated class back into use.");

        group.MapPost("/deactivate", async (Guid @class, IDocumentSession session, HttpContext http) =>
        {
            await session.Change(http, @class, (state, actor, at) => Class.Decide(new DeactivateClass(@class, actor, at), state));
            return Results.NoContent();
        }).RequirePermission(PermissionMatrix.ManageClasses)
            .WithSummary("Take a class out of use; it keeps its members but its teachers no longer reach its students through it.");
    }
}
