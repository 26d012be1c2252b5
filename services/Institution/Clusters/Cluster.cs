using Portal.ServiceDefaults.Problems;

namespace Portal.Institution.Clusters;

/// <summary>
/// The cluster decider: one <c>Decide(command, state)</c> per use case, beside its command. It sees only the cluster;
/// the endpoint checks that a school being added exists in the same organisation.
/// </summary>
public static partial class Cluster
{
    public const int MaxNameLength = 200;

    static string ValidName(string? name) => Text.Required(name, "name", "Cluster name", MaxNameLength);
}
