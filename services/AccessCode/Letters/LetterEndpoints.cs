using Portal.ServiceDefaults.Documents;
namespace Portal.AccessCode.Letters;

/// <summary>Printable login letters: one student's, and a bulk job's (one page per student, in the job's order).</summary>
public static class LetterEndpoints
{
    public const string Tag = "Login letters";

    /// <summary>The letters' fonts are loaded when the service starts, so missing font files stop it with the package to install.</summary>
    public static IHostApplicationBuilder AddLetters(this IHostApplicationBuilder builder)
    {
        DejaVuFonts.EnsureInstalled();
        return builder;
    }

    public static void MapLetterEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapStudentLetter();
        app.MapBulkLetters();
    }
}
