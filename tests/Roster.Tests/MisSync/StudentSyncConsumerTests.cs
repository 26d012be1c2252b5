using Portal.Roster.Contracts;
using Portal.Roster.Students;
using Portal.Roster.Tests.Api;
using static Portal.Roster.Tests.MisSync.MisProducer;

namespace Portal.Roster.Tests.MisSync;

[Collection(RosterApiCollection.Name)]
public sealed class StudentSyncConsumerTests(RosterApi api)
{
    private async Task<MisProducer> Producer()
    {
        var given = new Given(api);
        return new MisProducer(api, given.Org, await given.School());
    }

    [Fact]
    public async Task A_synced_student_is_enrolled_with_the_schools_year_group_and_published()
    {
        var mis = await Producer();

        await mis.Publish(mis.Student("S-1", Monday, "Ada", "Lovelace", "Year 7", email: "Ada.Lovelace@School.Example"));

        var student = await mis.WaitForStudent("S-1");
        Assert.Equal(("Ada", "Lovelace", "Y7", "ada.lovelace@school.example", StudentSource.Mis, mis.School),
            (student.GivenName, student.FamilyName, student.YearGroup, student.Email, student.Source, student.SchoolId));
        var published = await api.Bus.WaitFor<RosterStudentChanged>(m => m.StudentId == student.Id);
        Assert.Equal((mis.Org, mis.School, "S-1", false), (published.OrganisationId, published.SchoolId, published.MisId, published.Left));
    }

    [Fact]
    public async Task The_same_message_delivered_twice_changes_nothing()
    {
        var mis = await Producer();
        var message = mis.Student("S-1", Monday);
        var messageId = Guid.NewGuid();

        await mis.Publish(message, messageId);
        await mis.Publish(message, messageId);
        await mis.Settled();

        Assert.Equal(1, await mis.VersionOf("S-1"));
    }

    [Fact]
    public async Task The_same_record_in_a_new_message_changes_nothing()
    {
        var mis = await Producer();
        await mis.Publish(mis.Student("S-1", Monday));
        await mis.WaitForStudent("S-1");

        await mis.Publish(mis.Student("S-1", Monday));
        await mis.Publish(mis.Batch(Monday.AddHours(1), fullRoll: false, [Record("S-1", yearGroup: "Year 7")]));
        await mis.Settled();

        Assert.Equal(1, await mis.VersionOf("S-1"));
    }

    [Fact]
    public async Task An_older_record_delivered_after_a_newer_one_changes_nothing()
    {
        var mis = await Producer();
        await mis.Publish(mis.Student("S-1", Monday.AddDays(1), "Augusta", yearGroup: "Y8"));
        await mis.WaitForStudent("S-1");

        await mis.Publish(mis.Student("S-1", Monday, "Ada", yearGroup: "Y7", left: new DateOnly(2026, 9, 1)));
        await mis.Settled();

        var student = await mis.WaitForStudent("S-1");
        Assert.Equal(("Augusta", "Y8", true), (student.GivenName, student.YearGroup, student.Active));
        Assert.Equal(1, await mis.VersionOf("S-1"));
    }

    [Fact]
    public async Task A_newer_record_changes_the_student_and_a_date_left_marks_them_as_left()
    {
        var mis = await Producer();
        await mis.Publish(mis.Student("S-1", Monday));
        await mis.WaitForStudent("S-1");

        await mis.Publish(mis.Student("S-1", Monday.AddDays(1), "Augusta", "King", "Y8", left: new DateOnly(2026, 9, 8)));

        var student = await mis.WaitForStudent("S-1", s => !s.Active);
        Assert.Equal(("Augusta", "King", "Y8", new DateOnly(2026, 9, 8)), (student.GivenName, student.FamilyName, student.YearGroup, student.DateLeft));
        await api.Bus.WaitFor<RosterStudentChanged>(m => m.StudentId == student.Id && m.Left);
    }

    [Fact]
    public async Task A_batch_enrols_every_student_in_one_go()
    {
        var mis = await Producer();

        await mis.Publish(mis.Batch(Monday, fullRoll: false, Enumerable.Range(1, 50).Select(i => Record($"B-{i}", familyName: $"Pupil{i}"))));

        await mis.WaitForStudent("B-50");
        foreach (var i in new[] { 1, 25, 49 })
            Assert.Equal($"Pupil{i}", (await mis.Find($"B-{i}"))!.FamilyName);
    }
}
