namespace Portal.AppHost.Hosting;

/// <summary>1s, 2s, 4s … at most 30s between restarts; a process that stayed up a minute starts over at 1s.</summary>
public sealed class RestartBackoff
{
    private static readonly TimeSpan Maximum = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StableAfter = TimeSpan.FromMinutes(1);
    private TimeSpan _next = TimeSpan.FromSeconds(1);

    public TimeSpan Next(TimeSpan ranFor)
    {
        if (ranFor >= StableAfter) _next = TimeSpan.FromSeconds(1);
        var delay = _next;
        _next = TimeSpan.FromTicks(Math.Min(_next.Ticks * 2, Maximum.Ticks));
        return delay;
    }
}
