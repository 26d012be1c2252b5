using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Staff;

public sealed record ChangeStaffType(Guid AccountId, StaffType To, StaffActor Actor, DateTimeOffset At);

public sealed record StaffTypeChanged(Guid AccountId, StaffType From, StaffType To, Guid ActorId, DateTimeOffset At);

public static partial class StaffAccount
{
    public static object[] Decide(ChangeStaffType command, StaffAccountState? state)
    {
        var account = Existing(state);
        var to = ValidType(command.To);
        StaffManagementRules.EnsureMayChangeType(command.Actor, account.AsTarget(), to);
        if (to == account.Type)
            return [];
        if (to is StaffType.Teacher or StaffType.BuildingAdministrator && account.Institutions.Count == 0)
            throw new RuleViolation($"A {StaffManagementRules.Label(to)} needs a school; this account has none.");
        return [new StaffTypeChanged(account.Id, account.Type, to, command.Actor.Id, command.At.ToUniversalTime())];
    }
}
