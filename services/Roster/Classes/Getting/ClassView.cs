using Marten;
using Portal.Roster.Staff;
using Portal.Roster.Students;

namespace Portal.Roster.Classes;

/// <summary>
/// A class as staff read it: its teachers named from Identity's accounts (null name while Roster has not heard of the
/// account yet), and its students with their names (Active false for a student who left, was deleted, or whose record
/// has not arrived from the MIS). Source says whether the MIS owns its name and membership.
/// </summary>
public sealed record ClassView(
    Guid Id, Guid SchoolId, string Name, string? Subject, bool Active, ClassSource Source, string? MisClassId,
    IReadOnlyList<ClassTeacherView> Teachers, IReadOnlyList<string> AwaitedTeacherEmails, IReadOnlyList<ClassStudentView> Students,
    bool AvatarBuildingRestricted, bool AccessoryPurchasesRestricted)
{
    public static async Task<ClassView> Of(IQuerySession session, ClassState state, CancellationToken cancellation)
    {
        var staff = (await session.LoadManyAsync<KnownStaff>(cancellation, state.TeacherIds)).ToDictionary(s => s.Id);
        var students = (await session.LoadManyAsync<StudentState>(cancellation, state.StudentIds)).ToDictionary(s => s.Id);

        var teachers = state.TeacherIds
            .Select(id => staff.TryGetValue(id, out var s) ? new ClassTeacherView(id, s.Name, s.Email) : new ClassTeacherView(id, null, null))
            .ToList();
        var members = state.StudentIds
            .Select(id => students.TryGetValue(id, out var s)
                ? new ClassStudentView(id, s.GivenName, s.FamilyName, s.YearGroup, s.Active)
                : new ClassStudentView(id, null, null, null, Active: false))
            .OrderBy(s => s.FamilyName ?? "\uffff", StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.GivenName, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new ClassView(state.Id, state.SchoolId, state.Name, state.Subject, state.Active, state.Source, state.MisClassId, teachers,
            state.AwaitedTeacherEmails, members, state.AvatarBuildingRestricted, state.AccessoryPurchasesRestricted);
    }
}

public sealed record ClassTeacherView(Guid Id, string? Name, string? Email);

public sealed record ClassStudentView(Guid Id, string? GivenName, string? FamilyName, string? YearGroup, bool Active);

/// <summary>A line of a school's class list.</summary>
public sealed record ClassSummary(
    Guid Id, string Name, string? Subject, bool Active, ClassSource Source, IReadOnlyList<Guid> TeacherIds, int StudentCount)
{
    public static ClassSummary Of(ClassState c) => new(c.Id, c.Name, c.Subject, c.Active, c.Source, c.TeacherIds, c.StudentIds.Count);
}
