using Marten;

namespace Portal.Roster.Students;

/// <summary>The students' endpoints and what they need (owned by the Students slices).</summary>
public static class StudentFeatures
{
    public static void ConfigureStudentDocuments(this StoreOptions options) { }

    public static IHostApplicationBuilder AddStudentFeatures(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(ProductCatalogue.From(builder.Configuration));
        return builder;
    }

    public static void MapStudentEndpoints(this IEndpointRouteBuilder app)
    {
        var students = app.MapGroup("").WithTags("Students");
        students.MapViewingStudents();
        students.MapAddingStudents();
        students.MapEditingStudents();
        students.MapLeavingStudents();
        students.MapDeletingStudents();
        students.MapMovingStudents();
        app.MapProducts();
    }
}
