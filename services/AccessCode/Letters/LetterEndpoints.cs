namespace Portal.AccessCode.Letters;

/// <summary>Printable login letters: one student's, and a bulk job's (one page per student, in the job's order).</summary>
public static class LetterEndpoints
{
    public const string Tag = "Login letters";

    /// <summary>
    /// PDFsharp's licence and fonts are set up when the service starts, so a missing licence setting or missing font files
    /// stop it with a message that says what to configure or install.
    /// </summary>
    public static IHostApplicationBuilder AddLetters(this IHostApplicationBuilder builder)
    {
        PdfLicence.SelectFrom(builder.Configuration, builder.Environment);
        DejaVuFonts.Install();
        return builder;
    }

    public static void MapLetterEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapStudentLetter();
        app.MapBulkLetters();
    }
}
