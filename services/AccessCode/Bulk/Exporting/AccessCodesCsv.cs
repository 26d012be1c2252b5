using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Portal.AccessCode.Bulk.Exporting;

/// <summary>One student's line of the export.</summary>
public sealed record AccessCodeRow(
    Guid StudentId, string? MisId, string FamilyName, string GivenName, string YearGroup, string School, string AccessCode, string SignUpUrl);

/// <summary>
/// The export as a spreadsheet opens it: UTF-8 with a byte order mark (so Excel reads accented names correctly), a
/// header row, and every cell that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return) prefixed
/// with a single quote, since names come from the MIS and are not ours to trust.
/// </summary>
public static class AccessCodesCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly string[] Header =
        ["Student ID", "MIS ID", "Family name", "Given name", "Year group", "School", "Access code", "Sign-up address"];

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        InjectionCharacters = ['=', '+', '-', '@', '\t', '\r'],
        InjectionEscapeCharacter = '\'',
        NewLine = "\r\n",
    };

    public static byte[] Write(IEnumerable<AccessCodeRow> rows)
    {
        using var buffer = new MemoryStream();
        using (var text = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(text, Configuration))
        {
            foreach (var title in Header) csv.WriteField(title);
            csv.NextRecord();
            foreach (var row in rows)
            {
                csv.WriteField(row.StudentId.ToString());
                csv.WriteField(row.MisId ?? "");
                csv.WriteField(row.FamilyName);
                csv.WriteField(row.GivenName);
                csv.WriteField(row.YearGroup);
                csv.WriteField(row.School);
                csv.WriteField(row.AccessCode);
                csv.WriteField(row.SignUpUrl);
                csv.NextRecord();
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The download's name: the school's code, reduced to characters every file system accepts.</summary>
    public static string FileNameFor(string schoolCode)
    {
        var safe = new string(schoolCode.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').ToArray());
        return $"access-codes-{(safe.Length > 0 ? safe : "school")}.csv";
    }
}
