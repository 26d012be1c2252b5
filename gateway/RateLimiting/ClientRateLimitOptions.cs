namespace Portal.Gateway.RateLimiting;

/// <summary><c>Gateway:RateLimit</c>: how many requests one client may make per fixed window.</summary>
public sealed class ClientRateLimitOptions
{
    public int PermitsPerWindow { get; set; } = 600;

    public int WindowSeconds { get; set; } = 60;

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}
