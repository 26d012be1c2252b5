using Marten;
using Portal.Roster.Access;
using Portal.Roster.Students;
using Portal.ServiceDefaults.Permissions;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.Roster.Forms;

/// <summary>
/// Who reaches a form: staff whose granted scope reaches the form's school (organisation scope every school, the
/// others their own schools); a teacher (own classes) only the forms they created and those assigned to a student of
/// their classes or to that student's guardians; anything else 404. Teachers change only the forms they created and
/// assign them only to students in their classes. A student reaches only the forms assigned to them.
/// </summary>
public static class FormAccess
{
    public static async Task<FormState> ReachableForm(IQuerySession session, HttpContext http, Guid id)
    {
        var form = await session.LoadAsync<FormState>(id, http.RequestAborted);
        if (form is null) throw new NotFound(Form.NotFoundMessage(id));
        var scope = http.GrantedScope();
        var reaches = scope == Scope.Organisation
                      || (scope >= Scope.OwnInstitution && RosterAccess.Caller(http).Institutions.Contains(form.SchoolId))
                      || (scope == Scope.OwnClasses && RosterAccess.Caller(http).Institutions.Contains(form.SchoolId)
                          && TeacherReaches(form, RosterAccess.ActorId(http),
                              await StudentQueries.StudentsTaughtBy(session, form.SchoolId, RosterAccess.ActorId(http), http.RequestAborted)));
        return reaches ? form : throw new NotFound(Form.NotFoundMessage(id));
    }

    /// <summary>A teacher's forms: those they created, and those assigned to one of their students or that student's guardians.</summary>
    public static bool TeacherReaches(FormState form, Guid teacher, IReadOnlyCollection<Guid> taught) =>
        form.CreatedBy == teacher || form.AssignedStudentIds.Any(taught.Contains) || form.GuardianStudentIds.Any(taught.Contains);

    /// <summary>A teacher changes only their own forms; other staff every form they reach.</summary>
    public static void EnsureMayChange(HttpContext http, FormState form)
    {
        if (http.GrantedScope() == Scope.OwnClasses && form.CreatedBy != RosterAccess.ActorId(http))
            throw new Forbidden($"A teacher changes only the forms they created; form {form.Id} was created by another member of staff.");
    }

    /// <summary>The signed-in student: the token's subject is their Roster student id. Other kinds of account get 403.</summary>
    public static async Task<StudentState> Me(IQuerySession session, HttpContext http)
    {
        var caller = RosterAccess.Caller(http);
        if (caller.Kind != AccountKind.Student || caller.AccountId == Guid.Empty)
            throw new Forbidden("Only a student account has forms to complete here; staff manage forms under /forms.");
        var me = await session.LoadAsync<StudentState>(caller.AccountId, http.RequestAborted);
        return me is { Deleted: false } ? me : throw new NotFound("Your student record was not found in your organisation.");
    }
}
