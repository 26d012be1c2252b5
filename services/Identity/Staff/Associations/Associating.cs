namespace Portal.Identity.Staff;

public sealed record AssociateWithSchool(Guid ProfileId, Guid SchoolId, Guid ActorId, DateTimeOffset At);
public sealed record AssociateWithCluster(Guid ProfileId, Guid ClusterId, Guid ActorId, DateTimeOffset At);
public sealed record AssociateWithAllInstitutions(Guid ProfileId, Guid ActorId, DateTimeOffset At);

public sealed record AssociatedWithSchool(Guid ProfileId, Guid SchoolId, Guid ActorId, DateTimeOffset At);
public sealed record AssociatedWithCluster(Guid ProfileId, Guid ClusterId, Guid ActorId, DateTimeOffset At);
public sealed record AssociatedWithAllInstitutions(Guid ProfileId, Guid ActorId, DateTimeOffset At);

/// <summary>
/// The associations decider. Pure; a command that would change nothing returns no events. That the school or
/// cluster exists in the organisation needs Institution's read model: the endpoint checks it.
/// </summary>
public static partial class StaffAssociations
{
    public static object[] Decide(AssociateWithSchool command, StaffAssociationsState? state) =>
        Current(state, command.ProfileId).Schools.Contains(command.SchoolId)
            ? []
            : [new AssociatedWithSchool(command.ProfileId, command.SchoolId, command.ActorId, command.At.ToUniversalTime())];

    public static object[] Decide(AssociateWithCluster command, StaffAssociationsState? state) =>
        Current(state, command.ProfileId).Clusters.Contains(command.ClusterId)
            ? []
            : [new AssociatedWithCluster(command.ProfileId, command.ClusterId, command.ActorId, command.At.ToUniversalTime())];

    public static object[] Decide(AssociateWithAllInstitutions command, StaffAssociationsState? state) =>
        Current(state, command.ProfileId).AllInstitutions
            ? []
            : [new AssociatedWithAllInstitutions(command.ProfileId, command.ActorId, command.At.ToUniversalTime())];

    static StaffAssociationsState Current(StaffAssociationsState? state, Guid profileId) =>
        state ?? StaffAssociationsState.Empty(profileId);
}
