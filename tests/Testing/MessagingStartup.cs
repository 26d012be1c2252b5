using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Testing;

/// <summary>
/// A service under test starts serving only once its bus has started and its queues are bound. Otherwise a message a
/// test publishes straight after start-up (or one the service publishes to a listener still binding its queue) goes to
/// an exchange with no binding yet and is dropped, and the test waits for something that never comes.
/// </summary>
public static class MessagingStartup
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static IServiceCollection StartBusBeforeServing(this IServiceCollection services) =>
        services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = true;
            options.StartTimeout = Timeout;
        });

    public static IWebHostBuilder StartBusBeforeServing(this IWebHostBuilder web) =>
        web.ConfigureServices(services => services.StartBusBeforeServing());
}
