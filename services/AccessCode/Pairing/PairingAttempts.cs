using Portal.ServiceDefaults.Persistence;

namespace Portal.AccessCode.Pairing;

// Brute-force protection for code pairing, counted server-side (in the store, so every replica sees the same count)
// per guardian and per address: 5 failed codes within 15 minutes lock pairing for that guardian or address for
// 15 minutes. One stream per counted key; the decider is pure.

public sealed record PairingAttemptFailed(string Key, DateTimeOffset At);

public sealed record PairingLocked(string Key, DateTimeOffset Until, DateTimeOffset At);

public sealed record RecordFailedPairing(string Key, DateTimeOffset At);

/// <summary>The failures still inside the window, and the lock if one is on.</summary>
public sealed record PairingAttemptsState(Guid Id, string Key, IReadOnlyList<DateTimeOffset> Failures, DateTimeOffset? LockedUntil)
{
    public static PairingAttemptsState Create(PairingAttemptFailed e) => new(PairingLimits.StreamOf(e.Key), e.Key, [e.At], null);

    public PairingAttemptsState Apply(PairingAttemptFailed e) =>
        this with { Failures = [.. Failures.Where(f => f > e.At - PairingLimits.Window), e.At] };

    public PairingAttemptsState Apply(PairingLocked e) => this with { LockedUntil = e.Until, Failures = [] };

    public bool IsLockedAt(DateTimeOffset at) => LockedUntil is { } until && until > at;
}

public static class PairingLimits
{
    public const int MaximumFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    private static readonly Guid Namespace = new("b8e0b6f4-5a61-4d7e-8f0c-1f6f0d2b9a33");

    public static string ForGuardian(Guid guardian) => $"guardian:{guardian:N}";

    /// <summary>The stream that counts a key's failures (outside any tenant: guardians belong to none).</summary>
    public static Guid StreamOf(string key) => NameBasedGuid.Create(Namespace, key);

    public static string ForAddress(string address) => $"address:{address}";

    /// <summary>A failed code: counted, and the fifth inside the window locks pairing until the lockout ends.</summary>
    public static object[] Decide(RecordFailedPairing command, PairingAttemptsState? state)
    {
        var at = command.At.ToUniversalTime();
        if (state is not null && state.IsLockedAt(at)) return [];
        var failed = new PairingAttemptFailed(command.Key, at);
        var recent = (state?.Failures ?? []).Count(f => f > at - Window) + 1;
        return recent >= MaximumFailures ? [failed, new PairingLocked(command.Key, at + Lockout, at)] : [failed];
    }

    /// <summary>When pairing may be tried again, or null when it may now.</summary>
    public static DateTimeOffset? RetryAfter(PairingAttemptsState? state, DateTimeOffset at) =>
        state is not null && state.IsLockedAt(at) ? state.LockedUntil : null;
}
