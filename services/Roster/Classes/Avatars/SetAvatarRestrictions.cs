namespace Portal.Roster.Classes;

/// <summary>Whether the class's students may build avatars and buy accessories (the whole setting, not a delta).</summary>
public sealed record SetAvatarRestrictions(
    Guid ClassId, bool AvatarBuildingRestricted, bool AccessoryPurchasesRestricted, Guid ActorId, DateTimeOffset At);

public static partial class Class
{
    public static object[] Decide(SetAvatarRestrictions command, ClassState state) =>
        command.AvatarBuildingRestricted == state.AvatarBuildingRestricted
        && command.AccessoryPurchasesRestricted == state.AccessoryPurchasesRestricted
            ? []
            : [new ClassAvatarRestrictionsSet(state.Id, command.AvatarBuildingRestricted, command.AccessoryPurchasesRestricted,
                command.ActorId, command.At.ToUniversalTime())];
}
