using System.Text;

namespace Portal.AccessCode.Letters;

/// <summary>Download names made only of lower-case ASCII letters, digits and dashes, whatever the names they carry.</summary>
public static class LetterFileName
{
    // The service runs with invariant globalisation, where Unicode decomposition is unavailable: accented Latin letters
    // are folded to their base letter by table; anything else becomes a dash.
    const string Accented = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżžß";
    const string Folded   = "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzzs";

    public static string ForStudent(string familyName, string givenName) =>
        $"login-instructions-{Slug(familyName, "student")}-{Slug(givenName, "student")}.pdf";

    public static string ForBulk(string schoolName, DateTimeOffset at) =>
        $"login-letters-{Slug(schoolName, "school")}-{at:yyyy-MM-dd}.pdf";

    public static string Slug(string text, string fallback)
    {
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            var folded = Accented.IndexOf(c) is var i and >= 0 ? Folded[i] : c;
            if (char.IsAsciiLetterOrDigit(folded)) slug.Append(folded);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
            if (slug.Length >= 40) break;
        }
        var result = slug.ToString().Trim('-');
        return result.Length > 0 ? result : fallback;
    }
}
