namespace Portal.AppHost.Hosting;

/// <summary>One line of the resource table, also what tests inspect.</summary>
/// <param name="Url">http URL of a project; host:port and database or virtual host of a server.</param>
/// <param name="ProcessIds">Processes this system started for the resource (empty for a server it was given).</param>
public sealed record ResourceStatus(string Name, string Kind, string Url, bool Healthy, int? ProcessId, IReadOnlyList<int> ProcessIds)
{
    public bool StartedBySystem => ProcessIds.Count > 0;
}
