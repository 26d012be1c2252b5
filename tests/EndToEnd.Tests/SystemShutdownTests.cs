using Portal.AppHost.Hosting;
using Portal.AppHost.Infrastructure;

namespace Portal.EndToEnd.Tests;

// In the shared collection so it never runs beside the fixture's system on a two-core machine.
[Collection(PortalSystemCollection.Name)]
public sealed class SystemShutdownTests
{
    [Fact]
    public async Task Disposing_the_system_leaves_none_of_its_processes_running()
    {
        var state = PortalSystemFixture.StateDirectory("e2e-shutdown");
        try
        {
            var system = await PortalSystemFixture.StartSystemAsync(state);
            var resources = await system.RefreshAsync(CancellationToken.None);
            // Servers given by ./portal test are not ours to stop: they report no process ids.
            var processIds = resources.SelectMany(r => r.ProcessIds).ToList();
            Assert.Contains(resources, r => r.Name == "gateway" && r.ProcessIds.Count > 0);

            await system.DisposeAsync();

            Assert.DoesNotContain(processIds, ProcessSignals.IsAlive);
        }
        finally
        {
            StateFolder.Delete(state);
        }
    }
}
