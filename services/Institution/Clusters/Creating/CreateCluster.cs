using Portal.ServiceDefaults.Problems;

namespace Portal.Institution.Clusters;

public sealed record CreateCluster(Guid ClusterId, Guid OrganisationId, string Name, Guid ActorId, DateTimeOffset At);

public sealed record ClusterCreated(Guid ClusterId, Guid OrganisationId, string Name, Guid ActorId, DateTimeOffset At);

public static partial class Cluster
{
    /// <param name="state">Null for a new stream; anything else means the id is taken.</param>
    public static object[] Decide(CreateCluster command, ClusterState? state)
    {
        if (state is not null)
            throw new RuleViolation($"Cluster '{state.Name}' already exists with id {state.Id}.");
        if (command.ClusterId == Guid.Empty)
            throw new ValidationFailed("clusterId", "Cluster id is required.");
        if (command.OrganisationId == Guid.Empty)
            throw new ValidationFailed("organisationId", "Organisation id is required.");
        return
        [
            new ClusterCreated(command.ClusterId, command.OrganisationId, ValidName(command.Name), command.ActorId,
                command.At.ToUniversalTime()),
        ];
    }
}
