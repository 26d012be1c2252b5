using System.Text.Json.Serialization;
using Portal.Roster.Students;

namespace Portal.Roster.Dashboard;

/// <summary>
/// What a student sees on signing in: their own profile always, then one section or link per page the school made
/// visible (<see cref="VisiblePages"/>); a section of a hidden page is absent, not empty.
/// </summary>
public sealed record StudentDashboard(
    DashboardStudent Student,
    IReadOnlyList<string> VisiblePages,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DashboardLesson>? Timetable,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DashboardHomework>? Homework,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Product>? Products,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Forms.StudentFormSummary>? Forms,
    IReadOnlyDictionary<string, string> Links)
{
    /// <summary>Visible pages Roster holds nothing for yet, each an empty list under its own name.</summary>
    [JsonExtensionData]
    public Dictionary<string, object>? EmptySections { get; init; }
}

/// <summary>The student as they see themselves: nothing staff keep for running the roll (MIS id, email, SIN).</summary>
public sealed record DashboardStudent(
    Guid Id, string GivenName, string FamilyName, string YearGroup, string? YearGroupName, Guid SchoolId, string SchoolName);

/// <summary>One weekly lesson of a class the student is in.</summary>
/// <param name="DayOfWeek">1 = Monday … 7 = Sunday.</param>
public sealed record DashboardLesson(
    Guid ClassId, string ClassName, string? Subject, int DayOfWeek, TimeOnly Start, TimeOnly End, string? Room, string? Period);

/// <summary>A homework item set for a class the student is in (withdrawn ones left out).</summary>
public sealed record DashboardHomework(
    Guid Id, Guid ClassId, string ClassName, string? Subject, string Title, string? Description, DateOnly DueOn);
