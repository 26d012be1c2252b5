namespace Portal.AccessCode.Codes;

public static class CodeEndpoints
{
    public static void MapCodeEndpoints(this IEndpointRouteBuilder app)
    {
    }
}
