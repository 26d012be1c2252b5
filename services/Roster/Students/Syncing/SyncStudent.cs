using Portal.ServiceDefaults.Problems;

namespace Portal.Roster.Students;

/// <summary>
/// A student record from the school's MIS (or a OneRoster file): upserted by (school, MIS id). YearGroup is already
/// the school's year-group id where it has one. Whether the record is newer than the last one applied is the
/// caller's check (the sync watermark); this decides what changed.
/// </summary>
public sealed record SyncStudent(
    Guid StudentId, Guid SchoolId, string MisId, string GivenName, string FamilyName, string YearGroup, string? Email,
    string? StudentInformationNumber, DateOnly? DateLeft, StudentSource Source, Guid? ActorId, DateTimeOffset At);

public static partial class Student
{
    public static object[] Decide(SyncStudent command, StudentState? state)
    {
        var misId = Text.Required(command.MisId, "misId", "MIS id", MaxMisIdLength);
        var given = ValidGivenName(command.GivenName);
        var family = ValidFamilyName(command.FamilyName);
        var yearGroup = ValidYearGroup(command.YearGroup);
        var email = ValidEmail(command.Email);
        var number = ValidStudentInformationNumber(command.StudentInformationNumber);
        var at = command.At.ToUniversalTime();
        var id = command.StudentId;

        if (state is null)
        {
            var enrolled = new StudentEnrolled(id, command.SchoolId, misId, given, family, yearGroup, email, number,
                command.Source, command.ActorId, at);
            return command.DateLeft is { } left ? [enrolled, new StudentLeft(id, left, command.ActorId, at)] : [enrolled];
        }

        // A student moved to another school by staff is no longer the old school's MIS's to change.
        if (state.SchoolId != command.SchoolId)
            return [];
        // Deleted and still gone in the MIS: nothing to bring back.
        if (state.Deleted && command.DateLeft is not null)
            return [];

        var events = new List<object>();
        if (state.Deleted || (state.DateLeft is not null && command.DateLeft is null))
            events.Add(new StudentReturned(id, command.ActorId, at));
        if (given != state.GivenName || family != state.FamilyName || number != state.StudentInformationNumber)
            events.Add(new StudentDetailsChanged(id, given, family, number, command.ActorId, at));
        if (email != state.Email)
            events.Add(new StudentEmailChanged(id, email, command.ActorId, at));
        if (yearGroup != state.YearGroup)
            events.Add(new StudentYearGroupChanged(id, yearGroup, command.ActorId, at));
        if (command.DateLeft is { } dateLeft && dateLeft != state.DateLeft)
            events.Add(new StudentLeft(id, dateLeft, command.ActorId, at));
        return [.. events];
    }
}
