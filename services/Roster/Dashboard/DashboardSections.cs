using Marten;
using Portal.Roster.Classes;
using Portal.Roster.MisSync;
using Portal.Roster.Students;

namespace Portal.Roster.Dashboard;

/// <summary>The sections filled from Roster's data, each read only for the student's own active classes.</summary>
public static class DashboardSections
{
    /// <summary>The active classes of the student's current school they are in (ids, names and subjects only, never the class list).</summary>
    public static async Task<IReadOnlyList<ClassState>> ClassesOf(IQuerySession session, StudentState student, CancellationToken cancellation) =>
        await session.Query<ClassState>()
            .Where(c => c.Active && c.SchoolId == student.SchoolId && c.StudentIds.Contains(student.Id))
            .ToListAsync(cancellation);

    public static async Task<IReadOnlyList<DashboardLesson>> Timetable(
        IQuerySession session, IReadOnlyList<ClassState> classes, CancellationToken cancellation)
    {
        if (classes.Count == 0) return [];
        var byId = classes.ToDictionary(c => c.Id);
        var timetables = await session.LoadManyAsync<ClassTimetable>(cancellation, byId.Keys);
        return timetables
            .SelectMany(t => t.Lessons.Select(l => new DashboardLesson(t.Id, byId[t.Id].Name, byId[t.Id].Subject, l.DayOfWeek, l.Start, l.End, l.Room, l.Period)))
            .OrderBy(l => l.DayOfWeek).ThenBy(l => l.Start).ThenBy(l => l.ClassName).ThenBy(l => l.ClassId)
            .ToList();
    }

    public static async Task<IReadOnlyList<DashboardHomework>> Homework(
        IQuerySession session, IReadOnlyList<ClassState> classes, CancellationToken cancellation)
    {
        if (classes.Count == 0) return [];
        var byId = classes.ToDictionary(c => c.Id);
        var ids = byId.Keys.ToArray();
        var items = await session.Query<HomeworkItem>()
            .Where(h => ids.Contains(h.ClassId) && !h.Withdrawn)
            .ToListAsync(cancellation);
        return items
            .Select(h => new DashboardHomework(h.Id, h.ClassId, byId[h.ClassId].Name, byId[h.ClassId].Subject, h.Title, h.Description, h.DueOn))
            .OrderBy(h => h.DueOn).ThenBy(h => h.ClassName).ThenBy(h => h.Title).ThenBy(h => h.Id)
            .ToList();
    }

    /// <summary>The student's products as the catalogue describes them now; one since removed from the catalogue is left out.</summary>
    public static IReadOnlyList<Product> Products(StudentState student, ProductCatalogue catalogue) =>
        student.Products.Select(id => catalogue.Products.FirstOrDefault(p => p.Id == id)).OfType<Product>().ToList();
}
