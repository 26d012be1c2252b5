namespace Portal.Identity.Staff;

public sealed record EditStaffAccount(
    Guid AccountId, string Email, string GivenName, string FamilyName, StaffActor Actor, DateTimeOffset At);

public sealed record StaffAccountEdited(
    Guid AccountId, string Email, string GivenName, string FamilyName, Guid ActorId, DateTimeOffset At);

public static partial class StaffAccount
{
    public static object[] Decide(EditStaffAccount command, StaffAccountState? state)
    {
        var account = Existing(state);
        StaffManagementRules.EnsureMayEdit(command.Actor, account.AsTarget());
        var email = NormaliseEmail(command.Email);
        var given = ValidName(command.GivenName, "givenName", "Given name");
        var family = ValidName(command.FamilyName, "familyName", "Family name");

        if (email == account.Email && given == account.GivenName && family == account.FamilyName)
            return [];
        return [new StaffAccountEdited(account.Id, email, given, family, command.Actor.Id, command.At.ToUniversalTime())];
    }
}
