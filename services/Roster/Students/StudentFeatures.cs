using Marten;

namespace Portal.Roster.Students;

/// <summary>The students' endpoints and what they need (owned by the Students slices).</summary>
public static class StudentFeatures
{
    public static void ConfigureStudentDocuments(this StoreOptions options) { }

    public static IHostApplicationBuilder AddStudentFeatures(this IHostApplicationBuilder builder) => builder;

    public static void MapStudentEndpoints(this IEndpointRouteBuilder app) { }
}
