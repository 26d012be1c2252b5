namespace Portal.Institution.Contracts;

/// <summary>
/// The pages of the student portal a school can show or hide, in menu order: the names StudentPortalVisibilityChanged
/// carries, shared with the services that serve the pages.
/// </summary>
public static class StudentPortalPages
{
    public const string Dashboard = "dashboard";
    public const string Timetable = "timetable";
    public const string Homework = "homework";
    public const string Forms = "forms";
    public const string Products = "products";
    public const string Attendance = "attendance";
    public const string Behaviour = "behaviour";
    public const string Reports = "reports";
    public const string Messages = "messages";

    public static IReadOnlyList<string> All { get; } =
        [Dashboard, Timetable, Homework, Forms, Products, Attendance, Behaviour, Reports, Messages];
}
