namespace Portal.AccessCode.Bulk;

public static class BulkEndpoints
{
    public static void MapBulkEndpoints(this IEndpointRouteBuilder app)
    {
    }
}
