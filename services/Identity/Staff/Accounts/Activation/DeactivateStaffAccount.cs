namespace Portal.Identity.Staff;

public sealed record DeactivateStaffAccount(Guid AccountId, StaffActor Actor, DateTimeOffset At);

/// <summary>Refresh tokens of the account die with it (DESIGN §3); the token side reacts to this event.</summary>
public sealed record StaffAccountDeactivated(Guid AccountId, Guid ActorId, DateTimeOffset At);

public static partial class StaffAccount
{
    public static object[] Decide(DeactivateStaffAccount command, StaffAccountState? state)
    {
        var account = Existing(state);
        StaffManagementRules.EnsureMayDeactivate(command.Actor, account.AsTarget());
        return account.Active
            ? [new StaffAccountDeactivated(account.Id, command.Actor.Id, command.At.ToUniversalTime())]
            : [];
    }
}
