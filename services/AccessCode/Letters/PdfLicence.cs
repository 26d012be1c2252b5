using PdfSharp;

namespace Portal.AccessCode.Letters;

/// <summary>
/// PDFsharp 6.5 renders nothing until the program selects a licence: the free AGPL-3.0 one (whose terms then reach the
/// whole service, network use included) or an empira commercial key. That is the operator's decision, so it is
/// configuration, not code: <c>Portal:AccessCode:PdfSharpLicense</c> is <c>AGPL-3.0</c> or the commercial key. Only
/// Development and Testing (local work, tests, benchmarks) fall back to AGPL-3.0 when it is absent; any other
/// environment refuses to start without it.
/// </summary>
public static class PdfLicence
{
    public const string Configuration = "Portal:AccessCode:PdfSharpLicense";
    public const string Agpl = "AGPL-3.0";

    static readonly Lock Selecting = new();
    static volatile bool selected;

    public static void SelectFrom(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[Configuration];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
                throw new InvalidOperationException(
                    $"{Configuration} is not configured. PDFsharp 6.5 (login letters) needs a licence: \"{Agpl}\" accepts the AGPL-3.0 " +
                    "terms for this service, or give an empira commercial licence key.");
            configured = Agpl;
        }
        Select(configured.Trim());
    }

    /// <summary>Selects the licence for the process (PDFsharp's setting is global); a second call changes nothing.</summary>
    public static void Select(string licence)
    {
        lock (Selecting)
        {
            if (selected) return;
            if (licence == Agpl) PdfSharpLicense.SetAgplLicense();
            else PdfSharpLicense.LoadLicense(licence);
            selected = true;
        }
    }

    public static void EnsureSelected()
    {
        if (!selected)
            throw new InvalidOperationException(
                $"No PDFsharp licence is selected: call {nameof(PdfLicence)}.{nameof(Select)} (the service does so from {Configuration}).");
    }
}
