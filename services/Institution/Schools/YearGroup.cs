using System.Text.RegularExpressions;

namespace Portal.Institution.Schools;

/// <summary>A year group of a school: a short id that MIS data and settings refer to, and a display name.</summary>
public sealed partial record YearGroup(string Id, string Name)
{
    public const int MaxNameLength = 50;

    /// <summary>What a school starts with: Reception ("R") and Year 1 to Year 13 ("Y1" … "Y13").</summary>
    public static IReadOnlyList<YearGroup> Defaults { get; } =
        [new("R", "Reception"), .. Enumerable.Range(1, 13).Select(n => new YearGroup($"Y{n}", $"Year {n}"))];

    /// <summary>1 to 10 uppercase letters or digits, like "N", "R", "Y7" or "Y14".</summary>
    [GeneratedRegex("^[A-Z0-9]{1,10}$")]
    internal static partial Regex IdPattern();
}
