namespace Portal.Roster.Schools;

/// <summary>
/// A school as Roster knows it from Institution's messages: its name, code and year groups, and the rules for
/// students entered by hand. Each part keeps the version it came from, so an older message delivered late is ignored.
/// </summary>
public sealed record KnownSchool(
    Guid Id,
    string Name,
    string Code,
    IReadOnlyList<KnownYearGroup> YearGroups,
    long DetailsRevision,
    StudentRosterRules Rules,
    long RulesVersion)
{
    public static KnownSchool Unnamed(Guid id) => new(id, "", "", [], 0, StudentRosterRules.Default, 0);

    /// <summary>The year group's id when the school has one by that id or name ("Y10", "Year 10"); otherwise the value as given.</summary>
    public string YearGroupIdFor(string yearGroup)
    {
        var value = yearGroup.Trim();
        var match = YearGroups.FirstOrDefault(y => y.Id.Equals(value, StringComparison.OrdinalIgnoreCase))
                    ?? YearGroups.FirstOrDefault(y => y.Name.Equals(value, StringComparison.OrdinalIgnoreCase));
        return match?.Id ?? value;
    }

    public bool HasYearGroup(string yearGroupId) => YearGroups.Any(y => y.Id == yearGroupId);
}

public sealed record KnownYearGroup(string Id, string Name);

/// <summary>Institution's defaults until the school sets them: teachers may not create students; any SIN or none.</summary>
public sealed record StudentRosterRules(
    bool TeacherStudentCreationAllowed, bool StudentInformationNumberRequired, int StudentInformationNumberMinimumLength,
    bool StudentInformationNumberNumericOnly)
{
    public static StudentRosterRules Default { get; } = new(false, false, 0, false);

    /// <summary>Why a number entered by staff breaks the school's rules, or null when it is fine.</summary>
    public string? Check(string? number)
    {
        if (string.IsNullOrEmpty(number))
            return StudentInformationNumberRequired ? "This school requires a student information number." : null;
        if (number.Length < StudentInformationNumberMinimumLength)
            return $"This school's student information numbers have at least {StudentInformationNumberMinimumLength} characters ('{number}' has {number.Length}).";
        if (StudentInformationNumberNumericOnly && !number.All(char.IsAsciiDigit))
            return $"This school's student information numbers are digits only ('{number}' is not).";
        return null;
    }
}
