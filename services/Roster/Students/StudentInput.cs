using Portal.Roster.Schools;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Students;

public static partial class Student
{
    /// <summary>The school's year-group id for what staff entered (its id or its name); refused when the school has no such year group.</summary>
    public static string YearGroupOf(KnownSchool school, string? yearGroup)
    {
        var value = ValidYearGroup(yearGroup);
        var id = school.YearGroupIdFor(value);
        if (school.HasYearGroup(id)) return id;
        var known = school.YearGroups.Count == 0
            ? "it has none yet"
            : $"its year groups are {Text.List(school.YearGroups.Select(y => y.Id))}";
        throw new ValidationFailed("yearGroup", $"Year group '{value}' is not one of {NameOf(school)}'s year groups ({known}).");
    }

    /// <summary>A student information number entered by staff, held to the school's rules.</summary>
    public static string? StudentInformationNumberOf(KnownSchool school, string? number)
    {
        var valid = ValidStudentInformationNumber(number);
        return school.Rules.Check(valid) is { } broken ? throw new ValidationFailed("studentInformationNumber", broken) : valid;
    }

    public static string NumberTakenMessage(KnownSchool school, string number) =>
        $"Student information number '{number}' is already used by another student of {NameOf(school)}.";

    public static string EmailTakenMessage(KnownSchool school, string email) =>
        $"Email '{email}' is already used by another active student of {NameOf(school)}.";

    public static string NameOf(KnownSchool school) => school.Name.Length > 0 ? school.Name : $"school {school.Id}";
}

/// <summary>Runs each field's check and refuses with every failing field at once, so a form can mark them all.</summary>
public sealed class FieldChecks
{
    private readonly Dictionary<string, List<string>> errors = [];

    public T Check<T>(Func<T> check)
    {
        try
        {
            return check();
        }
        catch (ValidationFailed failed)
        {
            foreach (var (field, messages) in failed.Errors)
            {
                if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
                list.AddRange(messages);
            }
            return default!;
        }
    }

    public void Add(string field, string message) => Check<object?>(() => throw new ValidationFailed(field, message));

    public void ThrowIfAny()
    {
        if (errors.Count > 0) throw new ValidationFailed(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
