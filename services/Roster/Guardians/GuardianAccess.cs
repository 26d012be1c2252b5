using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.Roster.Guardians;

/// <summary>
/// What a guardian sees follows their pairings, not an organisation: the caller must be a guardian, and a student
/// they are not paired with answers 404, exactly as one that does not exist.
/// </summary>
public static class GuardianAccess
{
    /// <summary>The guardian's account id; staff, students and operators are refused with 403.</summary>
    public static Guid GuardianOf(HttpContext http)
    {
        var caller = PortalCaller.From(http.User);
        return caller.Kind == AccountKind.Guardian && caller.AccountId != Guid.Empty
            ? caller.AccountId
            : throw new Forbidden("Only a parent/guardian account has children here: staff and students see students through their school.");
    }

    public static string ChildNotFound(Guid student) => $"Student {student} is not one of your children.";
}
