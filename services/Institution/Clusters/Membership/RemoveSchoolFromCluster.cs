using Portal.ServiceDefaults.Problems;

namespace Portal.Institution.Clusters;

public sealed record RemoveSchoolFromCluster(Guid ClusterId, Guid SchoolId, Guid ActorId, DateTimeOffset At);

public sealed record SchoolRemovedFromCluster(Guid ClusterId, Guid SchoolId, Guid ActorId, DateTimeOffset At);

public static partial class Cluster
{
    /// <summary>Removing a school that is not a member is refused: the caller has the wrong school or cluster.</summary>
    public static object[] Decide(RemoveSchoolFromCluster command, ClusterState state)
    {
        if (!state.Contains(command.SchoolId))
            throw new RuleViolation($"School {command.SchoolId} is not a member of cluster '{state.Name}'.");
        return [new SchoolRemovedFromCluster(state.Id, command.SchoolId, command.ActorId, command.At.ToUniversalTime())];
    }
}
