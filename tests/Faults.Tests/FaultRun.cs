using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.EndToEnd.Tests;
using Xunit.Abstractions;

namespace Portal.Faults.Tests;

/// <summary>
/// One fault under load: a fresh school, students enrolled through the gateway and the MIS while the fault is injected,
/// a few more once it is over, then polling until every accepted student is in Roster, has exactly one login enabled in
/// Identity and is billed exactly once for the term; the time from injecting the fault to that agreement is the time
/// to recover.
/// </summary>
public sealed class FaultRun(FaultSystemFixture fixture, ITestOutputHelper output)
{
    public const int Commands = 24;
    private const int AfterFault = 4;
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromMinutes(2);

    public async Task<FaultFigures> RunAsync(string fault, Func<Task> inject)
    {
        var school = await FaultSchool.CreateAsync(new Clients(fixture), $"Faults {Guid.NewGuid():N}"[..20]);
        var load = new StudentLoad(school, fixture.System.RabbitMqUri, Guid.NewGuid().ToString("N")[..8]);
        var sinceFault = new Stopwatch();
        try
        {
            await load.RunAsync(Commands, async () =>
            {
                sinceFault.Start();
                await inject();
            });
            await load.SendMoreAsync(Commands + 1, AfterFault);
        }
        finally
        {
            await load.CloseAsync();
        }
        var afterFault = load.Commands.Where(c => int.Parse(c.Email[5..c.Email.IndexOf('.')]) > Commands).ToList();
        Assert.All(afterFault, c => Assert.True(c.Accepted, $"After {fault} the system refused {c.Channel} command {c.Email}: {c.Refusal}"));

        var effects = await AgreeAsync(fixture, school, load.Accepted, load.Attempted, fault);
        var recovered = sinceFault.Elapsed;
        await AssertLoginsThroughGatewayAsync(school, effects);

        // Read once more after the gateway checks: a late redelivery must not have added a second effect meanwhile.
        var again = await Effects.ReadAsync(fixture.System, school);
        Assert.Null(again.Disagreement(load.Accepted, load.Attempted));

        var figures = new FaultFigures(fault, load.Commands.Count, load.Accepted.Count, again.StudentIds.Count, again.Duplicates, recovered);
        output.WriteLine(FaultReport.Add(figures));
        foreach (var refused in load.Commands.Where(c => !c.Accepted))
            output.WriteLine($"not accepted during the fault: {refused.Channel} {refused.Email} ({refused.Refusal})");
        return figures;
    }

    /// <summary>Polls until the chain agrees with the accepted commands exactly once everywhere; fails with the last disagreement.</summary>
    public static async Task<Effects> AgreeAsync(FaultSystemFixture fixture, FaultSchool school, IReadOnlySet<string> accepted,
        IReadOnlySet<string> attempted, string fault)
    {
        Effects? last = null;
        try
        {
            await Waiting.Until(async () => (last = await Effects.ReadAsync(fixture.System, school)).Disagreement(accepted, attempted) is null,
                $"the chain to agree after {fault}", RecoveryLimit);
        }
        catch (TimeoutException e)
        {
            Assert.Fail($"{e.Message} Last seen: {last?.Disagreement(accepted, attempted)}");
        }
        return last!;
    }

    /// <summary>What a school's staff see: every student's login enabled under their email.</summary>
    private static async Task AssertLoginsThroughGatewayAsync(FaultSchool school, Effects effects)
    {
        foreach (var (email, ids) in effects.RosterStudents)
        {
            var login = await school.Admin.GetFromJsonAsync<JsonElement>($"/identity/students/{ids.Single()}/login");
            Assert.True(login.GetProperty("enabled").GetBoolean(), $"The login of {email} is not enabled.");
            Assert.Equal(email, login.GetProperty("username").GetString());
        }
    }
}
