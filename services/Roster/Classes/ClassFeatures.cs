using Marten;

namespace Portal.Roster.Classes;

/// <summary>The classes' endpoints and what they need (owned by the Classes slices).</summary>
public static class ClassFeatures
{
    public static void ConfigureClassDocuments(this StoreOptions options) { }

    public static void MapClassEndpoints(this IEndpointRouteBuilder app) { }
}
