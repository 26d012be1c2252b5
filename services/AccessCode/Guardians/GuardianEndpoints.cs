namespace Portal.AccessCode.Guardians;

public static class GuardianEndpoints
{
    public static void MapGuardianEndpoints(this IEndpointRouteBuilder app)
    {
    }
}
