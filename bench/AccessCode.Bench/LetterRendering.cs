using Portal.AccessCode.Codes;
using Portal.AccessCode.Letters;
using Portal.ServiceDefaults.Documents.Pdf;
using Portal.ServiceDefaults.Documents;

namespace Portal.AccessCode.Bench;

/// <summary>
/// Rendering login letters in-process with the service's renderer, next to a baseline in the same run: the same number
/// of A4 pages carrying the same words as plain, unwrapped text lines in one face, through the same PDF writer, with no
/// wrapping, measuring or boxes. The difference is what the letter's layout (and its other two faces) costs.
/// </summary>
public static class LetterRendering
{
    public const int LetterCount = 2_000;
    public const int TimedRuns = 5;
    public static readonly TimeSpan Target = TimeSpan.FromSeconds(10);

    const string SignUpUrl = "https://portal.example.org/identity/guardians/register";
    static readonly DateOnly Date = new(2026, 11, 23);

    public static IReadOnlyList<LoginInstructions> SampleLetters(int count) =>
        Enumerable.Range(1, count)
            .Select(i => LoginInstructions.For("Northfield Academy", $"{Given[i % Given.Length]} {Family[i % Family.Length]}-{i}",
                AccessCodeText.NewCode(), SignUpUrl))
            .ToList();

    public static Runs Render(IReadOnlyList<LoginInstructions> letters) => Runs.Measure(TimedRuns, () =>
    {
        using var output = new MemoryStream();
        LoginLetters.Write(letters, Date, output);
        return output.Length;
    });

    public static Runs PlainText(IReadOnlyList<LoginInstructions> letters) => Runs.Measure(TimedRuns, () =>
    {
        using var output = new MemoryStream();
        var document = new PdfDocumentWriter(output, "Plain text", "Portal benchmark");
        var font = new PdfFont(DejaVuFonts.Sans, 10.5);
        foreach (var letter in letters)
        {
            var page = document.BeginPage();
            var y = 56.7;
            foreach (var line in (string[])[letter.SchoolName, $"Parent/guardian login for {letter.StudentName}", letter.Code, letter.SignUpUrl, .. letter.Steps])
            {
                page.Text(line, font, PdfColour.Black, 56.7, y);
                y += 14;
            }
            document.EndPage(page);
            document.Flush();
        }
        document.Finish();
        document.Flush();
        return output.Length;
    });

    static readonly string[] Given = ["Ada", "Alan", "Grace", "Katherine", "Tim", "Margaret", "Edsger", "Barbara", "Donald", "Frances"];
    static readonly string[] Family = ["Lovelace", "Turing", "Hopper", "Johnson", "Berners-Lee", "Hamilton", "Dijkstra", "Liskov", "Knuth", "Allen"];
}
