using Portal.Roster.Classes;
using Portal.Roster.Students;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.MisSync;

/// <summary>Checks of an MIS class record; each refusal names the field, never a name or an email.</summary>
public static class ClassRecords
{
    public static string MisClassId(string? misClassId) => Checked(() => Text.Required(misClassId, "misClassId", "MIS class id", Class.MaxMisClassIdLength));

    public static string MisStudentId(string? misId) => Checked(() => Text.Required(misId, "studentMisId", "Student MIS id", Student.MaxMisIdLength));

    /// <summary>The teachers' emails, trimmed and lower-cased, each once; a blank or invalid one is refused by its position.</summary>
    public static IReadOnlyList<string> TeacherEmails(IReadOnlyList<string?>? emails)
    {
        var valid = new List<string>();
        for (var i = 0; i < (emails?.Count ?? 0); i++)
        {
            var email = Checked(() => Student.ValidEmail(emails![i]), $"Teacher email {i + 1}: ");
            valid.Add(email ?? throw new MisRecordRejected($"Teacher email {i + 1} is blank."));
        }
        return valid.Distinct().ToList();
    }

    public static IReadOnlyList<string> StudentMisIds(IReadOnlyList<string?>? misIds) =>
        (misIds ?? []).Select((id, i) => Checked(() => Text.Required(id, "studentMisIds", "Student MIS id", Student.MaxMisIdLength),
            $"Student MIS id {i + 1}: ")).Distinct(StringComparer.Ordinal).ToList();

    public static T Checked<T>(Func<T> check, string prefix = "")
    {
        try
        {
            return check();
        }
        catch (ValidationFailed failure)
        {
            throw new MisRecordRejected($"{prefix}{MisRecordRejected.Describe(failure)}");
        }
    }
}
