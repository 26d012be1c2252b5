using Portal.AppHost.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Faults.Tests;

/// <summary>
/// A service killed with SIGKILL mid-load, as a crash would: whatever it had consumed but not acknowledged is delivered
/// again, whatever it had committed but not yet published is published again from its subscription, and the AppHost
/// restarts it. Every accepted student still ends up once in each service.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class ServiceKillTests(FaultSystemFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData("identity")] // consumes Roster's students, publishes the logins Billing counts
    [InlineData("billing")] // consumes the logins, writes the ledger
    [InlineData("roster")] // commits the students the gateway sends, publishes them to Identity
    public async Task A_service_killed_mid_load_is_restarted_and_every_accepted_student_is_counted_once(string service)
    {
        var killed = 0;
        var restarted = 0;
        await new FaultRun(fixture, output).RunAsync($"{service} killed (SIGKILL) and restarted", async () =>
        {
            killed = fixture.System.Kill(service);
            restarted = await fixture.System.WaitUntilHealthyAsync(service, TimeSpan.FromMinutes(2));
        });

        Assert.NotEqual(killed, restarted);
        Assert.False(ProcessSignals.IsAlive(killed), $"The killed {service} process {killed} is still alive.");
    }
}
