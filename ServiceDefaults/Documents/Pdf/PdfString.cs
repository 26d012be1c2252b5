using System.Text;

namespace Portal.ServiceDefaults.Documents.Pdf;

/// <summary>PDF text strings (document information): literal when plain ASCII, otherwise UTF-16BE with a byte-order mark.</summary>
static class PdfString
{
    public static string Of(string text)
    {
        if (text.All(c => c is >= ' ' and <= '~'))
            return "(" + text.Replace(@"\", @"\\").Replace("(", @"\(").Replace(")", @"\)") + ")";
        var hex = new StringBuilder("<FEFF");
        foreach (var unit in text) hex.Append(((int)unit).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
        return hex.Append('>').ToString();
    }
}
