using Portal.Roster.Contracts;

namespace Portal.Roster.MisSync;

/// <summary>
/// A class's timetable as the MIS last sent it (the whole timetable, latest SyncedAt wins), keyed by the class id, for
/// the students' dashboard.
/// </summary>
public sealed record ClassTimetable(Guid Id, Guid SchoolId, string MisClassId, IReadOnlyList<TimetabledLesson> Lessons, DateTimeOffset SyncedAt);

/// <param name="DayOfWeek">1 = Monday … 7 = Sunday.</param>
public sealed record TimetabledLesson(int DayOfWeek, TimeOnly Start, TimeOnly End, string? Room, string? Period)
{
    public const int MaxRoomLength = 50;

    public static TimetabledLesson From(MisLesson? lesson, int position)
    {
        if (lesson is null)
            throw new MisRecordRejected($"Lesson {position} is empty.");
        if (lesson.DayOfWeek is < 1 or > 7)
            throw new MisRecordRejected($"Lesson {position}: dayOfWeek must be 1 (Monday) to 7 (Sunday); it is {lesson.DayOfWeek}.");
        if (lesson.End <= lesson.Start)
            throw new MisRecordRejected($"Lesson {position}: it must end after it starts ({lesson.Start:HH\\:mm}–{lesson.End:HH\\:mm}).");
        return new TimetabledLesson(lesson.DayOfWeek, lesson.Start, lesson.End, Short(lesson.Room, "room", position),
            Short(lesson.Period, "period", position));
    }

    private static string? Short(string? value, string field, int position)
    {
        var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        return trimmed is { Length: > MaxRoomLength }
            ? throw new MisRecordRejected($"Lesson {position}: {field} must be at most {MaxRoomLength} characters (it has {trimmed.Length}).")
            : trimmed;
    }
}
