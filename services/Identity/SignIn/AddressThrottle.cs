using System.Collections.Concurrent;
using System.Net;

namespace Portal.Identity.SignIn;

/// <summary>
/// Failed sign-in attempts per client address, so one address cannot try a password against many accounts
/// (each account's own lockout would never trip). Held in memory per replica: the gateway spreads one address over
/// replicas, which at worst multiplies the allowance by their number — still far from what guessing needs.
/// </summary>
public sealed class AddressThrottle(TimeProvider clock)
{
    public const int FailuresAllowed = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    readonly ConcurrentDictionary<IPAddress, Queue<DateTimeOffset>> failures = new();

    /// <summary>When the address may try again, or null when it may now.</summary>
    public DateTimeOffset? BlockedUntil(IPAddress? address)
    {
        if (address is null || !failures.TryGetValue(address, out var times))
            return null;
        lock (times)
        {
            Forget(times);
            return times.Count >= FailuresAllowed ? times.Peek() + Window : null;
        }
    }

    public void RecordFailure(IPAddress? address)
    {
        if (address is null)
            return;
        var times = failures.GetOrAdd(address, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            Forget(times);
            times.Enqueue(clock.GetUtcNow());
        }
    }

    void Forget(Queue<DateTimeOffset> times)
    {
        var now = clock.GetUtcNow();
        while (times.Count > 0 && now - times.Peek() >= Window)
            times.Dequeue();
    }
}
