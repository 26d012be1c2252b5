using Marten;
using Portal.Institution.Access;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Persistence;

namespace Portal.Institution.Schools;

public sealed record StudentLoginsBody(bool Enabled, IReadOnlyList<string> YearGroups);
public sealed record StudentPortalRequest(IReadOnlyList<string> VisiblePages);
public sealed record StudentInformationNumberRequest(bool Required, int MinimumLength, bool NumericOnly);
public sealed record AllowedRequest(bool Allowed);
public sealed record VisibleRequest(bool Visible);
public sealed record RequiredRequest(bool Required);

/// <summary>A school's settings: read together, each changed through its own endpoint, command and event.</summary>
public static class SettingsEndpoints
{
    public static void MapSettingsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/institutions/{school:guid}/settings").WithTags("School settings");

        group.MapGet("/", async (Guid school, IQuerySession session, HttpContext http) =>
        {
            var state = await SchoolEndpoints.Load(session, school);
            Caller.EnsureSchoolInScope(http, school);
            await session.SetETagOf(school, http);
            return Results.Ok(new
            {
                studentLogins = new { state.StudentLogins.Enabled, state.StudentLogins.YearGroups },
                studentPortal = new { state.VisiblePages },
                studentInformationNumber = state.StudentInformationNumberRules,
                secondLanguagesAllowed = state.SecondLanguagesAllowed,
                teacherStudentCreationAllowed = state.TeacherStudentCreationAllowed,
                parentPortalLogo = state.ParentPortalLogo,
                staffTwoFactorRequired = state.StaffTwoFactorRequired,
            });
        }).RequirePermission(PermissionMatrix.ViewSchools).WithSummary("All of a school's settings.");

        group.MapGet("/parent-self-registration", async (Guid school, IQuerySession session) =>
                Results.Ok(new { visible = (await SchoolEndpoints.Load(session, school)).ParentSelfRegistrationVisible }))
            .RequirePermission(PermissionMatrix.ViewParentSelfRegistration).WithSummary("Whether parents see the self-registration link.");

        // Student logins cost the customer money, so they change through an approved support case or a platform operator.
        group.MapSetting<StudentLoginsBody>("/student-logins", PermissionMatrix.EditSchoolInformation, operatorOnly: true,
            (school, body, actor, at, state) => School.Decide(new ConfigureStudentLogins(school, body.Enabled, body.YearGroups, actor, at), state),
            "Turn student logins on or off and choose the year groups (platform operators; schools raise a support case).");
        group.MapSetting<StudentPortalRequest>("/student-portal", PermissionMatrix.EditSchoolInformation, operatorOnly: false,
            (school, body, actor, at, state) => School.Decide(new SetStudentPortalVisibility(school, body.VisiblePages, actor, at), state),
            "Choose which student-facing pages students may see.");
        group.MapSetting<StudentInformationNumberRequest>("/student-information-number", PermissionMatrix.EditSchoolInformation, operatorOnly: false,
            (school, body, actor, at, state) => School.Decide(
                new SetStudentInformationNumberRules(school, body.Required, body.MinimumLength, body.NumericOnly, actor, at), state),
            "Whether a student information number is required, its minimum length and whether it is numeric only.");
        group.MapSetting<AllowedRequest>("/second-languages", PermissionMatrix.EditSchoolInformation, operatorOnly: false,
            (school, body, actor, at, state) => School.Decide(new SetSecondLanguagesAllowed(school, body.Allowed, actor, at), state),
            "Whether second languages are allowed.");
        group.MapSetting<AllowedRequest>("/teacher-student-creation", PermissionMatrix.AllowTeacherStudentCreation, operatorOnly: false,
            (school, body, actor, at, state) => School.Decide(new SetTeacherStudentCreation(school, body.Allowed, actor, at), state),
            "Allow or restrict student account creation by teachers.");
        group.MapSetting<VisibleRequest>("/parent-self-registration", PermissionMatrix.ViewParentSelfRegistration, operatorOnly: false,
            (school, body, actor, at, state) => School.Decide(new SetParentSelfRegistrationVisible(school, body.Visible, actor, at), state),
            "Show or hide parent self-registration.");
        group.MapSetting<RequiredRequest>("/staff-two-factor", PermissionMatrix.EditSchoolInformation, operatorOnly: false,
            (school, body, actor, at, state) => School.Decide(new SetStaffTwoFactorRequired(school, body.Required, actor, at), state),
            "Require two-factor authentication for the school's staff.");
    }

    private static void MapSetting<TBody>(this RouteGroupBuilder group, string path, Permission permission, bool operatorOnly,
        Func<Guid, TBody, Guid, DateTimeOffset, SchoolState, object[]> decide, string summary)
    {
        group.MapPut(path, async (Guid school, TBody body, IDocumentSession session, HttpContext http) =>
        {
            if (operatorOnly) Caller.EnsureOperator(http, "change this setting directly; raise a support case instead");
            await SchoolEndpoints.Load(session, school);
            Caller.EnsureSchoolInScope(http, school);
            var actor = Caller.Of(http).AccountId;
            await session.Decide<SchoolState>(school, http, state => decide(school, body, actor, DateTimeOffset.UtcNow, state),
                SchoolEndpoints.NotFoundMessage(school));
            return Results.NoContent();
        }).RequirePermission(permission).WithSummary(summary);
    }
}
