using Marten;
using Portal.Roster.Access;
using Portal.Roster.Dashboard.Visibility;
using Portal.Roster.Schools;
using Portal.Roster.Students;
using Portal.ServiceDefaults.Http;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.Roster.Dashboard;

public static class DashboardEndpoint
{
    private const string Description =
        "Always the student's profile (name, year group, school); then, for each page the school made visible " +
        "(Institution's student portal setting), its section: timetable and homework of the active classes the student is in, " +
        "their products, their assigned forms (with whether each is submitted) and a link to them, and an empty list named after any other visible page. " +
        "Until the school has set its visible pages, only the profile is shown.";

    public static void MapStudentDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/me/dashboard", async (IDocumentStore store, ProductCatalogue catalogue, HttpContext http) =>
            {
                var (organisation, me) = StudentOf(http);
                await using var session = store.QuerySession(organisation.ToString());
                var student = await session.LoadAsync<StudentState>(me, http.RequestAborted);
                if (student is not { Active: true })
                    throw new NotFound($"Student {me} is not on the roll of your organisation (not synced, left or deleted).");
                return Results.Ok(await Build(session, student, catalogue, http));
            })
            .WithTags("Dashboard").WithName("StudentDashboard")
            .Produces<StudentDashboard>()
            .WithSummary("The signed-in student's own dashboard (students only).")
            .WithDescription(Description);

        app.MapGet("/students/{student:guid}/dashboard", async (Guid student, IQuerySession session, ProductCatalogue catalogue, HttpContext http) =>
            {
                if (PortalCaller.From(http.User).Kind == AccountKind.Student)
                {
                    // A student reaches only their own; any other id is as good as unknown to them.
                    var (_, me) = StudentOf(http);
                    var own = me == student ? await session.LoadAsync<StudentState>(me, http.RequestAborted) : null;
                    if (own is not { Active: true }) throw new NotFound(RosterAccess.StudentNotFound(student));
                    return Results.Ok(await Build(session, own, catalogue, http));
                }

                http.Demand(PermissionMatrix.ViewStudents);
                return Results.Ok(await Build(session, await RosterAccess.ReachableStudent(session, http, student), catalogue, http));
            })
            .WithTags("Dashboard").WithName("StudentDashboardById")
            .Produces<StudentDashboard>()
            .WithSummary("A student's dashboard by id: a student only their own (any other id 404); staff who may view the student see it as the student does.")
            .WithDescription(Description);
    }

    private static async Task<StudentDashboard> Build(IQuerySession session, StudentState student, ProductCatalogue catalogue, HttpContext http)
    {
        var cancellation = http.RequestAborted;
        var school = await session.LoadAsync<KnownSchool>(student.SchoolId, cancellation);
        var visible = await SchoolPortalVisibilities.VisiblePagesOf(session, student.SchoolId, cancellation);
        var classes = visible.Contains(DashboardPages.Timetable) || visible.Contains(DashboardPages.Homework)
            ? await DashboardSections.ClassesOf(session, student, cancellation)
            : [];
        var emptySections = DashboardPages.EmptySections(visible).ToDictionary(p => p, object (_) => Array.Empty<object>());

        return new StudentDashboard(
            new DashboardStudent(student.Id, student.GivenName, student.FamilyName, student.YearGroup,
                school?.YearGroups.FirstOrDefault(y => y.Id == student.YearGroup)?.Name, student.SchoolId, school?.Name ?? ""),
            visible,
            visible.Contains(DashboardPages.Timetable) ? await DashboardSections.Timetable(session, classes, cancellation) : null,
            visible.Contains(DashboardPages.Homework) ? await DashboardSections.Homework(session, classes, cancellation) : null,
            visible.Contains(DashboardPages.Products) ? DashboardSections.Products(student, catalogue) : null,
            visible.Contains(DashboardPages.Forms) ? await Forms.MyFormsEndpoints.AssignedTo(session, student.Id, cancellation) : null,
            DashboardPages.Linked.Where(l => visible.Contains(l.Key)).ToDictionary(l => l.Key, l => http.LinkTo(l.Value)))
        {
            EmptySections = emptySections.Count > 0 ? emptySections : null,
        };
    }

    /// <summary>The student's organisation and Roster id (their account id); staff, guardians and operators are refused with 403.</summary>
    private static (Guid Organisation, Guid Student) StudentOf(HttpContext http)
    {
        var caller = PortalCaller.From(http.User);
        if (caller.Kind != AccountKind.Student || caller.AccountId == Guid.Empty)
            throw new Forbidden("Only a student has a dashboard here: staff see students through their school, guardians through /me/children.");
        return caller.OrganisationId is { } organisation
            ? (organisation, caller.AccountId)
            : throw new Forbidden("Your token names no organisation.");
    }
}
