using Portal.Roster.Contracts;
using Portal.Roster.Schools;
using Portal.Roster.Shared;
using Portal.Roster.Students;
using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.MisSync;

/// <summary>MIS student records turned into sync commands for one school, or the reasons they cannot be.</summary>
public sealed record CheckedStudentRecords(IReadOnlyList<SyncStudent> Commands, IReadOnlyList<string> Rejections);

public static class StudentRecords
{
    /// <summary>
    /// Checks every record (MIS id, names, year group, email, student information number) and normalises the year
    /// group to the school's id. An MIS id given twice in one batch is refused both times: which one is right is
    /// not ours to guess.
    /// </summary>
    public static CheckedStudentRecords Check(
        Guid organisation, KnownSchool school, IReadOnlyList<MisStudentRecord?>? records, DateTimeOffset syncedAt)
    {
        if (records is null)
            return new([], ["The batch has no students list."]);
        var commands = new List<SyncStudent>();
        var rejections = new List<string>();
        var repeated = records.Where(r => !string.IsNullOrWhiteSpace(r?.MisId)).GroupBy(r => r!.MisId.Trim(), StringComparer.Ordinal)
            .Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (record is null)
                rejections.Add($"Record {i + 1} is empty.");
            else if (repeated.TryGetValue(record.MisId?.Trim() ?? "", out var times))
                rejections.Add($"Student '{record.MisId!.Trim()}' appears {times} times in the batch.");
            else
                try
                {
                    commands.Add(Command(organisation, school, record, syncedAt));
                }
                catch (ValidationFailed failure)
                {
                    var label = string.IsNullOrWhiteSpace(record.MisId) ? $"Record {i + 1}" : $"Student '{record.MisId.Trim()}'";
                    rejections.Add($"{label}: {MisRecordRejected.Describe(failure)}");
                }
        }
        return new(commands, rejections);
    }

    public static SyncStudent Command(Guid organisation, KnownSchool school, MisStudentRecord record, DateTimeOffset syncedAt)
    {
        var misId = Text.Required(record.MisId, "misId", "MIS id", Student.MaxMisIdLength);
        var yearGroup = school.YearGroupIdFor(Student.ValidYearGroup(record.YearGroup));
        var command = new SyncStudent(RosterIds.Student(organisation, school.Id, misId), school.Id, misId, record.GivenName,
            record.FamilyName, yearGroup, record.Email, record.StudentInformationNumber, record.DateLeft, StudentSource.Mis,
            ActorId: null, syncedAt.ToUniversalTime());
        // The decider's own checks, run now so that a refusal names this record rather than failing the whole save.
        Student.Decide(command, state: null);
        return command;
    }
}
