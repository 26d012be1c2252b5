using Portal.ServiceDefaults.Problems;

namespace Portal.Institution.Clusters;

public sealed record AddSchoolToCluster(Guid ClusterId, Guid SchoolId, Guid ActorId, DateTimeOffset At);

public sealed record SchoolAddedToCluster(Guid ClusterId, Guid SchoolId, Guid ActorId, DateTimeOffset At);

public static partial class Cluster
{
    /// <summary>Adding a member again changes nothing, so a retried request is harmless.</summary>
    public static object[] Decide(AddSchoolToCluster command, ClusterState state)
    {
        if (command.SchoolId == Guid.Empty)
            throw new ValidationFailed("schoolId", "School id is required.");
        return state.Contains(command.SchoolId)
            ? []
            : [new SchoolAddedToCluster(state.Id, command.SchoolId, command.ActorId, command.At.ToUniversalTime())];
    }
}
