using Marten;
using Portal.Roster.Access;
using Portal.Roster.Classes;
using Portal.Roster.Schools;
using Portal.ServiceDefaults.Http;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Students;

public sealed record AddStudentRequest(
    string? GivenName, string? FamilyName, string? YearGroup, string? Email, string? StudentInformationNumber,
    IReadOnlyList<Guid>? ClassIds, Guid? Id = null);

public static class AddStudentEndpoint
{
    public static void MapAddingStudents(this IEndpointRouteBuilder app)
    {
        app.MapPost("/institutions/{school:guid}/students", async (Guid school, AddStudentRequest body, IDocumentSession session, HttpContext http) =>
        {
            var cancellation = http.RequestAborted;
            RosterAccess.EnsureSchoolReachable(http, school);
            var known = await session.LoadAsync<KnownSchool>(school, cancellation) ?? throw new NotFound(RosterAccess.SchoolNotFound(school));
            var classIds = (body.ClassIds ?? []).Distinct().ToList();
            var classes = classIds.Count == 0 ? [] : await session.LoadManyAsync<ClassState>(cancellation, classIds);
            var (id, actor, now) = (body.Id ?? Guid.NewGuid(), RosterAccess.ActorId(http), DateTimeOffset.UtcNow);

            var events = Student.Decide(new AddStudent(id, known, body.GivenName, body.FamilyName, body.YearGroup, body.Email,
                body.StudentInformationNumber, classIds, classes, ByTeacher: http.GrantedScope() == Scope.OwnClasses,
                await StudentQueries.NumberTaken(session, school, body.StudentInformationNumber, id, cancellation),
                await StudentQueries.EmailTaken(session, school, body.Email, id, cancellation), actor, now),
                await session.LoadAsync<StudentState>(id, cancellation));
            foreach (var classId in classIds)
                await session.AppendToClass(classId, c => Class.Decide(new PlaceStudentInClass(classId, id, actor, now), c), cancellation);
            await session.Start(id, http, events);
            return Results.Created(http.LinkTo($"/students/{id}"), await StudentViews.Details(session, id, cancellation));
        }).RequirePermission(PermissionMatrix.AddStudents)
            .WithSummary("Add a student account to the school and to the classes named (teachers: only their own classes, where the school allows it).");
    }
}
