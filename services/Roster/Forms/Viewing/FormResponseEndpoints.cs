using Marten;
using Portal.Roster.Access;
using Portal.Roster.Students;
using Portal.ServiceDefaults.Permissions;

namespace Portal.Roster.Forms;

public static class FormResponseEndpoints
{
    public static void MapFormResponseEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/forms/{form:guid}/responses", async (Guid form, IQuerySession session, HttpContext http) =>
        {
            var state = await FormAccess.ReachableForm(session, http, form);
            var cancellation = http.RequestAborted;
            var responses = await session.Query<FormResponseState>().Where(r => r.FormId == form).ToListAsync(cancellation);
            if (http.GrantedScope() == Scope.OwnClasses)
            {
                var taught = await StudentQueries.StudentsTaughtBy(session, state.SchoolId, RosterAccess.ActorId(http), cancellation);
                responses = responses.Where(r => taught.Contains(r.StudentId)).ToList();
            }
            var students = (await session.LoadManyAsync<StudentState>(cancellation, responses.Select(r => r.StudentId)))
                .ToDictionary(s => s.Id);
            return Results.Ok(responses
                .Where(r => students.ContainsKey(r.StudentId))
                .Select(r => (Response: r, Student: students[r.StudentId]))
                .OrderBy(x => x.Student.FamilyName).ThenBy(x => x.Student.GivenName).ThenBy(x => x.Student.Id)
                .ThenBy(x => x.Response.AnsweredBy).ThenBy(x => x.Response.GuardianId)
                .Select(x => new ResponseView(x.Student.Id, x.Student.GivenName, x.Student.FamilyName, x.Response.Submission,
                    x.Response.SubmittedAt, x.Response.Answers, x.Response.AnsweredBy, x.Response.GuardianId))
                .ToList());
        }).RequirePermission(PermissionMatrix.ViewFormResponses)
            .WithSummary("The current responses to a form, each student's own and their guardians' (answeredBy, guardianId); teachers see only those of students in their classes.");
    }
}
