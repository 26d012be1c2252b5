namespace Portal.Identity.Staff;

public sealed record ActivateStaffAccount(Guid AccountId, StaffActor Actor, DateTimeOffset At);

public sealed record StaffAccountActivated(Guid AccountId, Guid ActorId, DateTimeOffset At);

public static partial class StaffAccount
{
    public static object[] Decide(ActivateStaffAccount command, StaffAccountState? state)
    {
        var account = Existing(state);
        StaffManagementRules.EnsureMayActivate(command.Actor, account.AsTarget());
        return account.Active
            ? []
            : [new StaffAccountActivated(account.Id, command.Actor.Id, command.At.ToUniversalTime())];
    }
}
