using Marten;

namespace Portal.Roster.Classes;

/// <summary>
/// The classes' endpoints. Staff may change any class in their reach, including one synced from the school's MIS (a
/// cover teacher, a student placed early); the MIS owns a synced class's name and membership, so its next sync of that
/// class sets them to the MIS's lists again. Clients can tell such classes by their source "Mis".
/// </summary>
public static class ClassFeatures
{
    public static void ConfigureClassDocuments(this StoreOptions options) { }

    public static void MapClassEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapClassQueryEndpoints();
        app.MapClassManagementEndpoints();
        app.MapTeacherEndpoints();
        app.MapClassStudentEndpoints();
        app.MapAvatarRestrictionEndpoints();
    }
}
