using Portal.MisSync;
using Portal.Roster.Classes;
using Portal.Roster.Shared;
using Portal.Roster.Tests.Api;

namespace Portal.Roster.Tests.MisSync;

/// <summary>The producer CLI's publisher, reading a OneRoster 1.1 folder and publishing with a bare AMQP client.</summary>
[Collection(RosterApiCollection.Name)]
public sealed class MisSyncToolTests(RosterApi api) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("oneroster-").FullName;

    private void Write(string file, params string[] lines) => File.WriteAllLines(Path.Combine(folder, file), lines);

    /// <summary>A school ("org-1") with three students (one disabled), a teacher and a class; another school's student.</summary>
    private void WriteSample(string teacherEmail)
    {
        Write("manifest.csv", "propertyName,value", "manifest.version,1.0", "oneroster.version,1.1", "file.users,bulk", "file.classes,bulk",
            "file.enrollments,bulk");
        Write("users.csv",
            "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password",
            "stu-1,active,2026-09-01T08:00:00Z,true,org-1,student,ada,,Ada,Lovelace,,100201,ada@pupils.example,,,,10,",
            "stu-2,active,2026-09-01T08:00:00Z,true,org-1,student,alan,,Alan,Turing,,100202,,,,,\"10,11\",",
            "stu-3,active,2026-09-01T08:00:00Z,false,org-1,student,grace,,Grace,Hopper,,100203,,,,,KG,",
            "stu-9,active,2026-09-01T08:00:00Z,true,org-2,student,other,,Other,School,,,,,,,07,",
            $"tea-1,active,2026-09-01T08:00:00Z,true,org-1,teacher,sam,,Sam,Teacher,,,{teacherEmail},,,,,");
        Write("classes.csv",
            "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods",
            "cls-1,active,2026-09-01T08:00:00Z,10A Maths,10,crs-1,10A-MA,scheduled,B2,org-1,term-1,Maths,,1");
        Write("enrollments.csv",
            "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate",
            "enr-1,active,2026-09-01T08:00:00Z,cls-1,org-1,stu-1,student,false,2026-09-01,",
            "enr-2,active,2026-09-01T08:00:00Z,cls-1,org-1,stu-2,student,false,2026-09-01,",
            "enr-3,active,2026-09-01T08:00:00Z,cls-1,org-1,tea-1,teacher,true,2026-09-01,");
    }

    [Fact]
    public async Task Publishing_a_OneRoster_folder_enrols_the_schools_students_and_its_class()
    {
        var given = new Given(api);
        var mis = new MisProducer(api, given.Org, await given.School());
        var teacher = await given.Teacher(mis.School);
        WriteSample($"staff-{teacher:N}@school.example");

        var published = await new MisRollPublisher(new Uri(api.RabbitMq)).PublishFolderAsync(
            new MisRollRequest(mis.Org, mis.School, folder, BatchSize: 2, OrgSourcedId: "org-1", SyncedAt: MisProducer.Monday));

        Assert.Equal((2, 3, 1, 1), (published.StudentBatches, published.Students, published.StudentsLeft, published.Classes));
        var ada = await mis.WaitForStudent("stu-1");
        Assert.Equal(("Ada", "Y10", "ada@pupils.example", "100201"), (ada.GivenName, ada.YearGroup, ada.Email, ada.StudentInformationNumber));
        Assert.Equal("Y10", (await mis.WaitForStudent("stu-2")).YearGroup);
        var grace = await mis.WaitForStudent("stu-3");
        Assert.Equal(("R", new DateOnly(2026, 9, 7)), (grace.YearGroup, grace.DateLeft));
        Assert.Null(await mis.Find("stu-9"));

        var classId = RosterIds.Class(mis.Org, mis.School, "cls-1");
        var @class = await api.Bus.WaitFor<Portal.Roster.Contracts.ClassChanged>(c => c.ClassId == classId && c.StudentIds.Count == 2);
        Assert.Equal("10A Maths", @class.Name);
        Assert.Equal([teacher], @class.TeacherIds);
        Assert.Equal(new[] { mis.StudentId("stu-1"), mis.StudentId("stu-2") }.Order(), @class.StudentIds.Order());
    }

    [Fact]
    public async Task A_full_roll_goes_in_one_batch_and_marks_the_missing_student_as_left()
    {
        var given = new Given(api);
        var mis = new MisProducer(api, given.Org, await given.School());
        WriteSample("sam@school.example");
        var users = Path.Combine(folder, "users.csv");
        File.AppendAllLines(users, Enumerable.Range(10, 20).Select(i => $"stu-{i},active,,true,org-1,student,,,Pupil,Number{i},,,,,,,09,"));
        var publisher = new MisRollPublisher(new Uri(api.RabbitMq));
        await publisher.PublishFolderAsync(new MisRollRequest(mis.Org, mis.School, folder, OrgSourcedId: "org-1", SyncedAt: MisProducer.Monday));
        await mis.WaitForStudent("stu-29");
        File.WriteAllLines(users, File.ReadAllLines(users).Where(l => !l.StartsWith("stu-2,", StringComparison.Ordinal)));

        var published = await publisher.PublishFolderAsync(new MisRollRequest(mis.Org, mis.School, folder, FullRoll: true, BatchSize: 5,
            OrgSourcedId: "org-1", SyncedAt: MisProducer.Monday.AddDays(1)));

        Assert.Equal((1, 22), (published.StudentBatches, published.Students));
        Assert.Equal(new DateOnly(2026, 9, 8), (await mis.WaitForStudent("stu-2", s => !s.Active)).DateLeft);
        Assert.True((await mis.Find("stu-1"))!.Active);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
