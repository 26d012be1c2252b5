using Microsoft.Extensions.Options;

namespace Portal.Identity.Oidc.Persistence.SigningKeys;

/// <summary>
/// Loads the ring before the host serves requests (creating the first key on a fresh database), then reloads
/// it periodically so a key rotated on another replica is used and published here too.
/// </summary>
public sealed class SigningKeyRefresher(
    SigningKeyRing ring, IOptions<SigningKeyOptions> options, ILogger<SigningKeyRefresher> logger)
    : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await ring.LoadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ring.LoadAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The keys held keep working; the next tick tries again.
                logger.LogWarning(exception, "Refreshing the signing key ring failed");
            }
        }
    }
}
