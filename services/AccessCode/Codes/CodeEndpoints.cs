namespace Portal.AccessCode.Codes;

/// <summary>Staff's per-student Portal Access: view, enable, reset and the access history.</summary>
public static class CodeEndpoints
{
    public static void MapCodeEndpoints(this IEndpointRouteBuilder app)
    {
        var codes = app.MapGroup("").WithTags("Portal Access");
        codes.MapViewingStudentAccess();
        codes.MapEnablingAccessCodes();
        codes.MapResettingAccessCodes();
        codes.MapAccessHistory();
    }
}
