namespace Portal.Institution.Clusters;

public sealed record RenameCluster(Guid ClusterId, string Name, Guid ActorId, DateTimeOffset At);

public sealed record ClusterRenamed(Guid ClusterId, string Name, Guid ActorId, DateTimeOffset At);

public static partial class Cluster
{
    /// <summary>Renaming to the current name (after trimming) changes nothing and records nothing.</summary>
    public static object[] Decide(RenameCluster command, ClusterState state)
    {
        var name = ValidName(command.Name);
        return name == state.Name
            ? []
            : [new ClusterRenamed(state.Id, name, command.ActorId, command.At.ToUniversalTime())];
    }
}
