using Portal.ServiceDefaults.Problems;
using ClusterMembership = System.Collections.Generic.IReadOnlyDictionary<System.Guid, (string Name, System.Collections.Generic.IReadOnlyList<System.Guid> Schools)>;

namespace Portal.Identity.Staff;

/// <param name="SchoolName">For the refusal's message; the endpoint reads it from Institution's read model.</param>
public sealed record RemoveSchoolAssociation(Guid ProfileId, Guid SchoolId, string SchoolName, Guid ActorId, DateTimeOffset At);
public sealed record RemoveClusterAssociation(Guid ProfileId, Guid ClusterId, Guid ActorId, DateTimeOffset At);
public sealed record RemoveAllInstitutionsAssociation(Guid ProfileId, Guid ActorId, DateTimeOffset At);

public sealed record SchoolAssociationRemoved(Guid ProfileId, Guid SchoolId, Guid ActorId, DateTimeOffset At);
public sealed record ClusterAssociationRemoved(Guid ProfileId, Guid ClusterId, Guid ActorId, DateTimeOffset At);
public sealed record AllInstitutionsAssociationRemoved(Guid ProfileId, Guid ActorId, DateTimeOffset At);

public static partial class StaffAssociations
{
    /// <summary>
    /// Removes a direct association. A school the profile reaches only through a cluster or "all institutions" is
    /// refused: removing nothing while the school stays would mislead whoever asked.
    /// </summary>
    public static object[] Decide(RemoveSchoolAssociation command, StaffAssociationsState? state, ClusterMembership clusters)
    {
        var current = Current(state, command.ProfileId);
        if (current.Schools.Contains(command.SchoolId))
            return [new SchoolAssociationRemoved(command.ProfileId, command.SchoolId, command.ActorId, command.At.ToUniversalTime())];

        var throughCluster = current.Clusters
            .Where(id => clusters.TryGetValue(id, out var c) && c.Schools.Contains(command.SchoolId))
            .Select(id => clusters[id].Name)
            .FirstOrDefault();
        if (throughCluster is not null)
            throw new RuleViolation(
                $"{command.SchoolName} is associated through the cluster '{throughCluster}'; remove the cluster or the school from it.");
        if (current.AllInstitutions)
            throw new RuleViolation(
                $"{command.SchoolName} is associated through all institutions; remove that association and choose schools instead.");
        return [];
    }

    public static object[] Decide(RemoveClusterAssociation command, StaffAssociationsState? state) =>
        Current(state, command.ProfileId).Clusters.Contains(command.ClusterId)
            ? [new ClusterAssociationRemoved(command.ProfileId, command.ClusterId, command.ActorId, command.At.ToUniversalTime())]
            : [];

    public static object[] Decide(RemoveAllInstitutionsAssociation command, StaffAssociationsState? state) =>
        Current(state, command.ProfileId).AllInstitutions
            ? [new AllInstitutionsAssociationRemoved(command.ProfileId, command.ActorId, command.At.ToUniversalTime())]
            : [];
}
