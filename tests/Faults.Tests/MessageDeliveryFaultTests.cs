using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Portal.EndToEnd.Tests;
using Portal.MisSync;
using Portal.Roster.Contracts;
using Portal.Roster.Tests.MisSync;
using RabbitMQ.Client;
using Xunit.Abstractions;

namespace Portal.Faults.Tests;

/// <summary>Messages that arrive twice, and messages no consumer can ever take.</summary>
[Collection(FaultCollection.Name)]
public sealed class MessageDeliveryFaultTests(FaultSystemFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_student_delivered_twice_by_the_MIS_and_sent_twice_through_the_gateway_is_counted_once()
    {
        var school = await FaultSchool.CreateAsync(new Clients(fixture), $"Twice {Guid.NewGuid():N}"[..18]);
        var run = Guid.NewGuid().ToString("N")[..8];
        var sinceFirst = Stopwatch.StartNew();
        var accepted = new HashSet<string>();

        await using (var mis = await MisMessagePublisher.ConnectAsync(fixture.System.RabbitMqUri))
        {
            for (var n = 0; n < 4; n++)
            {
                var email = $"twice{n}.{run}@faults.example";
                var student = new MisStudentSynced(school.Org, school.School, $"MIS-{run}-{n}", "Pupil", $"Twice{n}", "Y11", email, null,
                    null, DateTimeOffset.UtcNow);
                var messageId = Guid.NewGuid();
                await mis.PublishAsync(student, messageId); // the broker redelivers: same message id
                await mis.PublishAsync(student, messageId);
                await mis.PublishAsync(student); // the MIS sends the same record again: a new message id
                accepted.Add(email);
            }
        }
        for (var n = 0; n < 4; n++)
        {
            var email = $"again{n}.{run}@faults.example";
            var request = new { id = Guid.NewGuid(), givenName = "Pupil", familyName = $"Again{n}", yearGroup = "Y10", email };
            var first = await school.Admin.PostAsJsonAsync($"/roster/institutions/{school.School}/students", request);
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            // A client that lost the answer sends the same command again: refused, not a second student.
            var second = await school.Admin.PostAsJsonAsync($"/roster/institutions/{school.School}/students", request);
            Assert.False(second.IsSuccessStatusCode, $"The same student was added twice: {(int)second.StatusCode}");
            accepted.Add(email);
        }

        var effects = await FaultRun.AgreeAsync(fixture, school, accepted, accepted, "duplicate deliveries");
        output.WriteLine(FaultReport.Add(new FaultFigures("each command delivered 2-3 times (MIS and gateway)", 20, accepted.Count,
            effects.StudentIds.Count, effects.Duplicates, sinceFirst.Elapsed)));
        Assert.Equal(accepted.Count, effects.StudentIds.Count);
    }

    [Fact]
    public async Task A_poison_MIS_message_lands_in_the_error_queue_with_its_reason_and_the_next_one_is_applied()
    {
        var school = await FaultSchool.CreateAsync(new Clients(fixture), $"Poison {Guid.NewGuid():N}"[..19]);
        var sinceFirst = Stopwatch.StartNew();
        var malformed = Guid.NewGuid();
        await PublishRawAsync(MisMessagePublisher.ExchangeOf(typeof(MisStudentSynced)), malformed,
            Encoding.UTF8.GetBytes("{\"messageId\": \"" + malformed + "\", \"message\": {\"organisationId\": "));
        var rejected = Guid.NewGuid();
        var run = Guid.NewGuid().ToString("N")[..8];
        await using (var mis = await MisMessagePublisher.ConnectAsync(fixture.System.RabbitMqUri))
        {
            await mis.PublishAsync(new MisStudentSynced(school.Org, school.School, $"MIS-{run}-bad", " ", "Nameless", "Y11", null, null, null,
                DateTimeOffset.UtcNow), rejected);
            await mis.PublishAsync(new MisStudentSynced(school.Org, school.School, $"MIS-{run}-good", "Pupil", "After", "Y11",
                $"after.{run}@faults.example", null, null, DateTimeOffset.UtcNow));
        }

        var unreadable = await ErrorQueue.HeadersOf(fixture.System.RabbitMqUri.ToString(), malformed, seconds: 60);
        Assert.False(string.IsNullOrWhiteSpace(unreadable.GetValueOrDefault("MT-Reason")), Describe(unreadable));
        Assert.False(string.IsNullOrWhiteSpace(unreadable.GetValueOrDefault("MT-Fault-Message")), Describe(unreadable));
        var refused = await ErrorQueue.HeadersOf(fixture.System.RabbitMqUri.ToString(), rejected, seconds: 60);
        Assert.Equal("fault", refused.GetValueOrDefault("MT-Reason"));
        Assert.EndsWith("Given name is required.", refused.GetValueOrDefault("MT-Fault-Message"));
        output.WriteLine($"malformed body: MT-Reason={unreadable["MT-Reason"]}; MT-Fault-Message={unreadable["MT-Fault-Message"]}");
        output.WriteLine($"rejected record: MT-Reason={refused["MT-Reason"]}; MT-Fault-Message={refused["MT-Fault-Message"]}");

        // Nothing stalled behind them: the next student goes all the way to Billing.
        var after = new HashSet<string> { $"after.{run}@faults.example" };
        var effects = await FaultRun.AgreeAsync(fixture, school, after, after, "poison messages");
        output.WriteLine(FaultReport.Add(new FaultFigures("poison messages (malformed body, rejected record)", 3, 1,
            effects.StudentIds.Count, effects.Duplicates, sinceFirst.Elapsed)));
    }

    private async Task PublishRawAsync(string exchange, Guid messageId, byte[] body)
    {
        var factory = new ConnectionFactory { Uri = fixture.System.RabbitMqUri };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.BasicPublishAsync(exchange, "", mandatory: true,
            new BasicProperties { ContentType = MisMessagePublisher.ContentType, MessageId = messageId.ToString(), DeliveryMode = DeliveryModes.Persistent },
            body);
    }

    private static string Describe(IReadOnlyDictionary<string, string> headers) =>
        string.Join("; ", headers.Select(h => $"{h.Key}={h.Value}"));
}
