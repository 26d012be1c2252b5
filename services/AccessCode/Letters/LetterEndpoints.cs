namespace Portal.AccessCode.Letters;

public static class LetterEndpoints
{
    public static IHostApplicationBuilder AddLetters(this IHostApplicationBuilder builder) => builder;

    public static void MapLetterEndpoints(this IEndpointRouteBuilder app)
    {
    }
}
