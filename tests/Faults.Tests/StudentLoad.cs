using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Portal.MisSync;
using Portal.Roster.Contracts;

namespace Portal.Faults.Tests;

/// <summary>One command of the load: a student enrolled by email, and whether the system accepted it.</summary>
/// <param name="Accepted">The gateway answered 201, or the broker confirmed the MIS message.</param>
public sealed record StudentCommand(string Email, string Channel, bool Accepted, string? Refusal);

/// <summary>
/// Students enrolled into Years 10 and 11 of a <see cref="FaultSchool"/>, half added by staff through the gateway and half
/// synced by the school's MIS over RabbitMQ, a few at a time, so a fault injected part-way finds work in flight in every
/// service. Each student has their own email: that is how their effect is found downstream. A command the system refused
/// or never answered is not accepted, but its effect may still appear (the answer, not the commit, was lost).
/// </summary>
public sealed class StudentLoad(FaultSchool school, Uri rabbitMq, string run)
{
    private const int InFlight = 3;
    private readonly ConcurrentBag<StudentCommand> _commands = [];
    private readonly SemaphoreSlim _misLock = new(1, 1);
    private MisMessagePublisher? _mis;

    public IReadOnlyList<StudentCommand> Commands => [.. _commands];
    public IReadOnlySet<string> Accepted => _commands.Where(c => c.Accepted).Select(c => c.Email).ToHashSet();
    public IReadOnlySet<string> Attempted => _commands.Select(c => c.Email).ToHashSet();

    /// <summary>Sends <paramref name="count"/> commands; <paramref name="fault"/> starts once a third of them went out and
    /// the rest keep coming while it runs. Answers when both are done.</summary>
    public async Task RunAsync(int count, Func<Task> fault)
    {
        var faultStarted = (Task?)null;
        var next = 0;
        async Task Worker()
        {
            while (Interlocked.Increment(ref next) is var n && n <= count)
            {
                if (n == count / 3 + 1) faultStarted ??= Task.Run(fault);
                await SendAsync(n);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, InFlight).Select(_ => Worker()));
        await (faultStarted ?? Task.Run(fault));
    }

    /// <summary>More commands after the fault: the system must take them as before.</summary>
    public async Task SendMoreAsync(int from, int count)
    {
        for (var n = from; n < from + count; n++) await SendAsync(n);
    }

    private Task SendAsync(int n) => n % 2 == 0 ? AddThroughGatewayAsync(n) : SyncFromMisAsync(n);

    private string EmailOf(int n) => $"pupil{n}.{run}@faults.example";

    private async Task AddThroughGatewayAsync(int n)
    {
        var email = EmailOf(n);
        try
        {
            var response = await school.Admin.PostAsJsonAsync($"/roster/institutions/{school.School}/students",
                new { givenName = "Pupil", familyName = $"Number{n}", yearGroup = "Y10", email });
            _commands.Add(new StudentCommand(email, "gateway", response.StatusCode == HttpStatusCode.Created,
                response.StatusCode == HttpStatusCode.Created ? null : $"{(int)response.StatusCode}"));
        }
        catch (HttpRequestException e)
        {
            _commands.Add(new StudentCommand(email, "gateway", false, e.Message));
        }
    }

    private async Task SyncFromMisAsync(int n)
    {
        var email = EmailOf(n);
        var message = new MisStudentSynced(school.Org, school.School, $"MIS-{run}-{n}", "Pupil", $"Number{n}", "Y11", email, null, null,
            DateTimeOffset.UtcNow);
        await _misLock.WaitAsync();
        try
        {
            _mis ??= await MisMessagePublisher.ConnectAsync(rabbitMq);
            await _mis.PublishAsync(message);
            _commands.Add(new StudentCommand(email, "mis", true, null));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _commands.Add(new StudentCommand(email, "mis", false, e.GetType().Name));
            // The broker went away: the next command connects again.
            if (_mis is not null) await DisposeQuietly(_mis);
            _mis = null;
        }
        finally
        {
            _misLock.Release();
        }
    }

    public async ValueTask CloseAsync()
    {
        if (_mis is not null) await DisposeQuietly(_mis);
        _mis = null;
    }

    private static async Task DisposeQuietly(MisMessagePublisher publisher)
    {
        try { await publisher.DisposeAsync(); }
        catch (Exception) { /* a connection the broker already dropped */ }
    }
}
