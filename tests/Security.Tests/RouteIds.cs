namespace Portal.Security.Tests;

/// <summary>Which known id fills a route parameter: by its name, or for a bare <c>{id}</c> by the segment before it (staff, year-groups …).</summary>
public static class RouteIds
{
    public static string KeyOf(ApiOperation operation, string parameter)
    {
        if (!string.Equals(parameter, "id", StringComparison.OrdinalIgnoreCase)) return parameter;
        var segments = operation.PublicPath.Split('/');
        var index = Array.FindIndex(segments, s => s.StartsWith("{id", StringComparison.Ordinal));
        return index > 0 ? segments[index - 1] : parameter;
    }

    /// <summary>The known ids for the operation's route, and whether every parameter had one.</summary>
    public static (Dictionary<string, string> Values, bool Complete) Resolve(ApiOperation operation, IReadOnlyDictionary<string, string> known)
    {
        var values = new Dictionary<string, string>();
        foreach (var parameter in operation.RouteParameters)
            if (known.TryGetValue(KeyOf(operation, parameter), out var id))
                values[parameter] = id;
        return (values, values.Count == operation.RouteParameters.Count);
    }
}
