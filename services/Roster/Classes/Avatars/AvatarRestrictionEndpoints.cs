using Marten;
using Portal.ServiceDefaults.Permissions;

namespace Portal.Roster.Classes;

public sealed record AvatarRestrictionsRequest(bool AvatarBuildingRestricted, bool AccessoryPurchasesRestricted);

public static class AvatarRestrictionEndpoints
{
    public static void MapAvatarRestrictionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPut("/classes/{class:guid}/avatar-restrictions", async (Guid @class, AvatarRestrictionsRequest body, IDocumentSession session, HttpContext http) =>
        {
            await session.Change(http, @class, (state, actor, at) => Class.Decide(
                new SetAvatarRestrictions(@class, body.AvatarBuildingRestricted, body.AccessoryPurchasesRestricted, actor, at), state));
            return Results.NoContent();
        }).RequirePermission(PermissionMatrix.RestrictClassAvatarFeatures).WithTags("Classes")
            .WithSummary("Restrict (or allow) avatar building and accessory purchases for a class's students.");
    }
}
