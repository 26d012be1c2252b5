using Marten;
using Portal.Roster.Access;
using Portal.Roster.Classes;
using Portal.Roster.Schools;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Students;

public sealed record MoveStudentRequest(Guid? ToSchoolId, Guid? FromClassId, Guid? ToClassId);

public static class MoveStudentEndpoint
{
    public static void MapMovingStudents(this IEndpointRouteBuilder app)
    {
        app.MapPost("/students/{student:guid}/move", async (Guid student, MoveStudentRequest body, IDocumentSession session, HttpContext http) =>
        {
            var cancellation = http.RequestAborted;
            // The caller's reach must cover the student, the class left, the class joined and the school moved to.
            var state = await RosterAccess.ReachableStudent(session, http, student);
            if (body.ToSchoolId is null && body.ToClassId is null)
                throw new ValidationFailed("toClassId", "Name the class (toClassId) or the school (toSchoolId) to move the student to.");
            var from = body.FromClassId is { } f ? await RosterAccess.ReachableClass(session, http, f) : null;
            var to = body.ToClassId is { } t ? await RosterAccess.ReachableClass(session, http, t) : null;
            var targetId = body.ToSchoolId ?? to?.SchoolId ?? state.SchoolId;
            var target = targetId == state.SchoolId ? null : await ReachableSchool(session, http, targetId, to);

            var (actor, now) = (RosterAccess.ActorId(http), DateTimeOffset.UtcNow);
            var command = new MoveStudent(student, target, from, to,
                target is not null && await StudentQueries.NumberTaken(session, targetId, state.StudentInformationNumber, student, cancellation),
                target is not null && await StudentQueries.EmailTaken(session, targetId, state.Email, student, cancellation),
                actor, now);

            var staysInClass = from is not null && from.Id == to?.Id;
            if (!staysInClass)
            {
                var leaving = target is not null
                    ? (await StudentQueries.ClassesOf(session, student, cancellation)).Where(c => c.SchoolId == state.SchoolId).Select(c => c.Id)
                    : from is not null ? [from.Id] : [];
                foreach (var classId in leaving)
                    await session.AppendToClass(classId, c => Class.Decide(new TakeStudentOutOfClass(classId, student, actor, now), c), cancellation);
                if (to is not null)
                    await session.AppendToClass(to.Id, c => Class.Decide(new PlaceStudentInClass(to.Id, student, actor, now), c), cancellation);
            }
            await session.Decide<StudentState>(student, http, s => Student.Decide(command, s), RosterAccess.StudentNotFound(student));
            return Results.Ok(await StudentViews.Details(session, student, cancellation));
        }).RequirePermission(PermissionMatrix.MoveStudents)
            .WithSummary("Move a student between classes (and so teachers) and between schools of the organisation, within the caller's reach.");
    }

    /// <summary>A school the caller's reach covers: their own for a building administrator, through a class they teach for a teacher.</summary>
    private static async Task<KnownSchool> ReachableSchool(IQuerySession session, HttpContext http, Guid school, ClassState? into)
    {
        var known = await session.LoadAsync<KnownSchool>(school, http.RequestAborted);
        if (known is null || !http.GrantedScopeReaches(ScopedResource.InClasses(school, into?.TeacherIds ?? [])))
            throw new NotFound(RosterAccess.SchoolNotFound(school));
        return known;
    }
}
