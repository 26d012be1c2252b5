using System.Globalization;
using System.Net;
using System.Net.Sockets;
using JasperFx;
using JasperFx.Events;
using Marten;
using Marten.Exceptions;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Problems;

namespace Portal.AccessCode.Pairing;

/// <summary>
/// Applies the <see cref="PairingLimits"/> decider to a pairing request: refuses it while the guardian or the address
/// is locked, and counts a refused code against both. The counts live in the store outside any tenant, so every
/// replica sees the same ones.
/// </summary>
public static class PairingLockout
{
    /// <summary>The keys a pairing attempt is counted under: the guardian and the address the request came from.</summary>
    public static string[] KeysOf(Guid guardian, HttpContext http) =>
        [PairingLimits.ForGuardian(guardian), PairingLimits.ForAddress(AddressOf(http))];

    /// <summary>The client's address as the gateway forwarded it; "unknown" when the connection names none.</summary>
    public static string AddressOf(HttpContext http)
    {
        if (http.Connection.RemoteIpAddress is not { } address) return "unknown";
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4().ToString();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        // One IPv6 subscriber usually holds a whole /64: counting single addresses would give them 2^64 fresh tries.
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    /// <summary>Throws TooManyAttempts (429, Retry-After) while any of the keys is locked.</summary>
    public static async Task EnsureNotLocked(IDocumentStore store, IReadOnlyList<string> keys, DateTimeOffset at, CancellationToken cancellation)
    {
        await using var session = store.QuerySession(TenantResolver.NoTenant);
        var states = await session.LoadManyAsync<PairingAttemptsState>(cancellation, keys.Select(PairingLimits.StreamOf));
        var until = states.Select(s => PairingLimits.RetryAfter(s, at)).Max();
        if (until is { } retryAfter)
            throw new TooManyAttempts($"Too many codes that did not work. Try again after {ClockTime(retryAfter)} UTC.", retryAfter);
    }

    /// <summary>
    /// Counts one refused code against every key. Each key's stream is fetched with a row lock, so concurrent refusals
    /// wait for each other instead of overwriting each other's count; the one retry covers two requests that both
    /// start a key's first stream.
    /// </summary>
    public static async Task CountFailure(IDocumentStore store, IReadOnlyList<string> keys, DateTimeOffset at, CancellationToken cancellation)
    {
        // Always in the same order, so two requests locking the same two streams cannot deadlock.
        foreach (var key in keys.Distinct().OrderBy(k => PairingLimits.StreamOf(k)))
        {
            try
            {
                await CountFailure(store, key, at, cancellation);
            }
            catch (Exception e) when (IsLostRace(e))
            {
                await CountFailure(store, key, at, cancellation);
            }
        }
    }

    private static async Task CountFailure(IDocumentStore store, string key, DateTimeOffset at, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession(TenantResolver.NoTenant);
        var stream = await session.Events.FetchForExclusiveWriting<PairingAttemptsState>(PairingLimits.StreamOf(key), cancellation);
        var events = PairingLimits.Decide(new RecordFailedPairing(key, at), stream.Aggregate);
        if (events.Length == 0) return;
        stream.AppendMany(events);
        await session.SaveChangesAsync(cancellation);
    }

    private static bool IsLostRace(Exception e) =>
        e is ConcurrencyException or JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException
            or EventStreamUnexpectedMaxEventIdException;

    // Rounded up to the minute: "after 14:38" must not send the guardian back while the lock is still on.
    private static string ClockTime(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        var minute = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, TimeSpan.Zero);
        if (minute < utc) minute = minute.AddMinutes(1);
        return minute.ToString("HH:mm", CultureInfo.InvariantCulture);
    }
}
