using Portal.ServiceDefaults.Problems;

namespace Portal.Identity.Staff;

/// <summary>Replaces the account's business roles with these (an empty list removes them all).</summary>
public sealed record AssignBusinessRoles(Guid AccountId, IReadOnlyList<BusinessRole> Roles, StaffActor Actor, DateTimeOffset At);

public sealed record BusinessRolesAssigned(Guid AccountId, IReadOnlyList<BusinessRole> Roles, Guid ActorId, DateTimeOffset At);

public static partial class StaffAccount
{
    public static object[] Decide(AssignBusinessRoles command, StaffAccountState? state)
    {
        var account = Existing(state);
        StaffManagementRules.EnsureMayAssignBusinessRoles(command.Actor, account.AsTarget());
        var roles = ValidRoles(command.Roles);
        if (SameRoles(roles, account.Roles))
            return [];
        return [new BusinessRolesAssigned(account.Id, roles, command.Actor.Id, command.At.ToUniversalTime())];
    }

    static IReadOnlyList<BusinessRole> ValidRoles(IReadOnlyList<BusinessRole> roles)
    {
        var valid = new List<BusinessRole>();
        foreach (var role in roles)
        {
            var name = ValidName(role.Name, "roles", "Business role name");
            if (valid.Any(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
                throw new ValidationFailed("roles", $"Business role '{name}' is listed twice.");
            valid.Add(new BusinessRole(name, role.Permissions.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct().ToList()));
        }
        return valid;
    }

    // Records compare lists by reference, so equality is spelled out here.
    static bool SameRoles(IReadOnlyList<BusinessRole> a, IReadOnlyList<BusinessRole> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Name == p.Second.Name && p.First.Permissions.SequenceEqual(p.Second.Permissions));
}
