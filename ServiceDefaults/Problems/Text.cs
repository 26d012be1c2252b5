using System.Globalization;

namespace Portal.ServiceDefaults.Problems;

/// <summary>Input checks and phrasing shared by the deciders, so every refusal reads the same way.</summary>
public static class Text
{
    /// <summary>
    /// The trimmed value, or a <see cref="ValidationFailed"/> on <paramref name="field"/> when it is blank or longer
    /// than <paramref name="maxLength"/> (counted after trimming).
    /// </summary>
    public static string Required(string? value, string field, string label, int maxLength)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
            throw new ValidationFailed(field, $"{label} is required.");
        if (trimmed.Length > maxLength)
            throw new ValidationFailed(field, $"{label} must be at most {maxLength} characters (it has {trimmed.Length}).");
        return trimmed;
    }

    /// <summary>The trimmed value, null when blank; refused when longer than <paramref name="maxLength"/>.</summary>
    public static string? Optional(string? value, string field, string label, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return null;
        if (trimmed.Length > maxLength)
            throw new ValidationFailed(field, $"{label} must be at most {maxLength} characters (it has {trimmed.Length}).");
        return trimmed;
    }

    /// <summary>"a", "a and b", "a, b and c" (or another conjunction: "a or b").</summary>
    public static string List(IEnumerable<string> items, string conjunction = "and")
    {
        var all = items.ToList();
        return all.Count switch
        {
            0 => "",
            1 => all[0],
            _ => $"{string.Join(", ", all.Take(all.Count - 1))} {conjunction} {all[^1]}",
        };
    }

    /// <summary>ISO 8601 date, the form every message and the API use.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Quoted(string value) => $"'{value}'";
}
