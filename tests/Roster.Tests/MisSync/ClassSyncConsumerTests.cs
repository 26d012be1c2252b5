using Marten;
using Portal.Roster.Classes;
using Portal.Roster.Contracts;
using Portal.Roster.MisSync;
using Portal.Roster.Shared;
using Portal.Roster.Tests.Api;
using static Portal.Roster.Tests.MisSync.MisProducer;

namespace Portal.Roster.Tests.MisSync;

[Collection(RosterApiCollection.Name)]
public sealed class ClassSyncConsumerTests(RosterApi api)
{
    private MisClassSynced Class(MisProducer mis, DateTimeOffset syncedAt, string[] students, string[] teacherEmails, string name = "7A Maths") =>
        new(mis.Org, mis.School, "CLS-7A", name, "Maths", true, students, teacherEmails, syncedAt);

    private async Task<T?> Load<T>(MisProducer mis, object id) where T : class
    {
        await using var session = api.Store.QuerySession(mis.Org.ToString());
        return id is Guid guid ? await session.LoadAsync<T>(guid) : await session.LoadAsync<T>((string)id);
    }

    private async Task<ClassState> WaitForClass(MisProducer mis, Func<ClassState, bool> until)
    {
        var id = RosterIds.Class(mis.Org, mis.School, "CLS-7A");
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline; await Task.Delay(100))
            if (await Load<ClassState>(mis, id) is { } found && until(found)) return found;
        throw new TimeoutException($"Class CLS-7A did not reach the expected state: {await Load<ClassState>(mis, id)}");
    }

    [Fact]
    public async Task A_synced_class_has_its_students_by_MIS_id_its_teachers_by_email_and_awaits_unknown_teachers()
    {
        var given = new Given(api);
        var mis = new MisProducer(api, given.Org, await given.School());
        var teacher = await given.Teacher(mis.School);
        var elsewhere = await given.Teacher(await given.School("Elsewhere"));

        await mis.Publish(Class(mis, Monday, ["S-1", "S-2"],
            [$"STAFF-{teacher:N}@school.example", $"staff-{elsewhere:N}@school.example", "new.teacher@school.example"]));

        var synced = await WaitForClass(mis, _ => true);
        Assert.Equal([teacher], synced.TeacherIds);
        Assert.Equal(["new.teacher@school.example", $"staff-{elsewhere:N}@school.example"], synced.AwaitedTeacherEmails.Order());
        Assert.Equal(new[] { mis.StudentId("S-1"), mis.StudentId("S-2") }.Order(), synced.StudentIds.Order());
        await api.Bus.WaitFor<ClassChanged>(m => m.ClassId == synced.Id && m.TeacherIds.Contains(teacher));
    }

    [Fact]
    public async Task An_enrolment_newer_than_the_class_record_still_counts_and_an_older_one_does_not()
    {
        var given = new Given(api);
        var mis = new MisProducer(api, given.Org, await given.School());

        await mis.Publish(new MisEnrolmentSynced(mis.Org, mis.School, "CLS-7A", "S-3", true, Monday.AddHours(2)));
        await mis.Publish(Class(mis, Monday.AddHours(1), ["S-1", "S-2"], []));
        await mis.Publish(new MisEnrolmentSynced(mis.Org, mis.School, "CLS-7A", "S-1", false, Monday));
        await mis.Publish(new MisEnrolmentSynced(mis.Org, mis.School, "CLS-7A", "S-2", false, Monday.AddHours(3)));
        await mis.Settled();

        var synced = await WaitForClass(mis, _ => true);
        Assert.Equal(new[] { mis.StudentId("S-1"), mis.StudentId("S-3") }.Order(), synced.StudentIds.Order());
    }

    [Fact]
    public async Task An_older_class_record_after_a_newer_one_changes_nothing()
    {
        var given = new Given(api);
        var mis = new MisProducer(api, given.Org, await given.School());
        await mis.Publish(Class(mis, Monday.AddDays(1), ["S-1"], [], name: "7A Mathematics"));
        await WaitForClass(mis, _ => true);

        await mis.Publish(Class(mis, Monday, ["S-1", "S-2"], [], name: "7A Maths"));
        await mis.Settled();

        var synced = await WaitForClass(mis, _ => true);
        Assert.Equal(("7A Mathematics", 1), (synced.Name, synced.StudentIds.Count));
    }

    [Fact]
    public async Task A_teacher_awaited_by_email_is_assigned_when_their_account_appears()
    {
        var given = new Given(api);
        var mis = new MisProducer(api, given.Org, await given.School());
        await mis.Publish(Class(mis, Monday, [], ["lee@school.example"]));
        await WaitForClass(mis, c => c.AwaitedTeacherEmails.Count == 1);
        var account = Guid.NewGuid();

        await api.Bus.PublishAsync(new Portal.Identity.Contracts.StaffAccountChanged(mis.Org, account, "Lee@School.Example", "Lee", "Chen",
            "teacher", [mis.School], true, 1, DateTimeOffset.UtcNow));

        var assigned = await WaitForClass(mis, c => c.TeacherIds.Contains(account));
        Assert.Empty(assigned.AwaitedTeacherEmails);
    }

    [Fact]
    public async Task The_latest_timetable_and_homework_are_kept_per_class()
    {
        var given = new Given(api);
        var mis = new MisProducer(api, given.Org, await given.School());
        var classId = RosterIds.Class(mis.Org, mis.School, "CLS-7A");
        MisLesson[] newer = [new(3, new TimeOnly(10, 0), new TimeOnly(11, 0), "B2", "P3"), new(1, new TimeOnly(9, 0), new TimeOnly(10, 0), "B1", "P1")];

        await mis.Publish(new MisTimetableSynced(mis.Org, mis.School, "CLS-7A", newer, Monday.AddHours(1)));
        await mis.Publish(new MisTimetableSynced(mis.Org, mis.School, "CLS-7A", [], Monday));
        await mis.Publish(new MisHomeworkSet(mis.Org, mis.School, "CLS-7A", "HW-1", "Fractions", "Page 12", new DateOnly(2026, 9, 14), false, Monday.AddHours(1)));
        await mis.Publish(new MisHomeworkSet(mis.Org, mis.School, "CLS-7A", "HW-1", "Old title", null, new DateOnly(2026, 9, 10), true, Monday));
        await mis.Settled();

        var timetable = await Load<ClassTimetable>(mis, classId);
        Assert.Equal([1, 3], timetable!.Lessons.Select(l => l.DayOfWeek).ToArray());
        var homework = await Load<HomeworkItem>(mis, HomeworkItem.IdFor(classId, "HW-1"));
        Assert.Equal(("Fractions", false, classId), (homework!.Title, homework.Withdrawn, homework.ClassId));
    }
}
