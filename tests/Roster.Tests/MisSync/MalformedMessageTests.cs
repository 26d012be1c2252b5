using Portal.Roster.Contracts;
using Portal.Roster.Tests.Api;
using static Portal.Roster.Tests.MisSync.MisProducer;

namespace Portal.Roster.Tests.MisSync;

[Collection(RosterApiCollection.Name)]
public sealed class MalformedMessageTests(RosterApi api)
{
    private async Task<MisProducer> Producer()
    {
        var given = new Given(api);
        return new MisProducer(api, given.Org, await given.School());
    }

    private async Task<string> FaultOf<T>(MisProducer mis, T message) where T : class
    {
        var id = Guid.NewGuid();
        await mis.Publish(message, id);
        var headers = await ErrorQueue.HeadersOf(api.RabbitMq, id);
        Assert.False(headers.ContainsKey("MT-Fault-RetryCount") && headers["MT-Fault-RetryCount"] != "0",
            $"A rejected record is not retried, but it was {headers.GetValueOrDefault("MT-Fault-RetryCount")} times.");
        return headers["MT-Fault-Message"];
    }

    [Fact]
    public async Task A_record_without_a_given_name_goes_to_the_error_queue_with_the_reason_and_the_next_one_is_applied()
    {
        var mis = await Producer();

        var reason = await FaultOf(mis, mis.Student("S-1", Monday, givenName: " "));
        await mis.Publish(mis.Student("S-2", Monday));

        Assert.Equal($"MisStudentSynced for school {mis.School} was rejected: Student 'S-1': Given name is required.", reason);
        await mis.WaitForStudent("S-2");
        Assert.Null(await mis.Find("S-1"));
    }

    [Fact]
    public async Task An_invalid_email_is_refused_without_repeating_the_address()
    {
        var mis = await Producer();

        var reason = await FaultOf(mis, mis.Student("S-1", Monday, email: "ada at school"));

        Assert.EndsWith("Student 'S-1': Email is not a single email address.", reason);
        Assert.DoesNotContain("ada at school", reason);
    }

    [Fact]
    public async Task A_school_the_organisation_does_not_have_is_refused()
    {
        var mis = await Producer();
        var unknown = Guid.NewGuid();

        var reason = await FaultOf(mis, mis.Student("S-1", Monday, schoolId: unknown));

        Assert.StartsWith($"School {unknown} is not known in organisation {mis.Org}", reason);
    }

    [Fact]
    public async Task A_message_without_an_organisation_is_refused()
    {
        var mis = await Producer();

        var reason = await FaultOf(mis, mis.Student("S-1", Monday) with { OrganisationId = Guid.Empty });

        Assert.Equal("MisStudentSynced names no organisation: organisationId is required.", reason);
    }

    [Fact]
    public async Task A_batch_with_refused_records_applies_the_others_and_lists_every_refusal()
    {
        var mis = await Producer();
        MisStudentRecord[] records = [Record("S-1"), Record("", familyName: "Nobody"), Record("S-3", givenName: ""), Record("S-4")];

        var reason = await FaultOf(mis, mis.Batch(Monday, fullRoll: false, records));

        Assert.Equal($"MisStudentsBatchSynced for school {mis.School}: 2 of 4 records were refused and the other 2 applied. " +
                     "Record 2: MIS id is required. Student 'S-3': Given name is required.", reason);
        await mis.WaitForStudent("S-1");
        await mis.WaitForStudent("S-4");
        Assert.Null(await mis.Find("S-3"));
    }

    [Fact]
    public async Task A_full_roll_with_a_refused_record_marks_nobody_as_left()
    {
        var mis = await Producer();
        await mis.Publish(mis.Batch(Monday, fullRoll: false, [Record("S-1"), Record("S-2")]));
        await mis.WaitForStudent("S-2");

        var reason = await FaultOf(mis, mis.Batch(Monday.AddDays(1), fullRoll: true, [Record("S-1", familyName: "King"), Record("S-3", givenName: "")]));

        Assert.Contains("As the roll is incomplete, nobody was marked as left.", reason);
        Assert.Equal("King", (await mis.WaitForStudent("S-1", s => s.FamilyName == "King")).FamilyName);
        Assert.True((await mis.Find("S-2"))!.Active);
    }
}
