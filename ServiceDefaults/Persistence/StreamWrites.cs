using JasperFx;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Portal.ServiceDefaults.Problems;

namespace Portal.ServiceDefaults.Persistence;

/// <summary>
/// How endpoints run a decider against a stream: fetch for writing (optimistic concurrency, honouring
/// If-Match), decide, append, save, and answer the new version as an ETag.
/// </summary>
public static class StreamWrites
{
    public static async Task<long> Decide<TState>(
        this IDocumentSession session, Guid streamId, HttpContext http, Func<TState, IEnumerable<object>> decide,
        string notFound) where TState : class
    {
        var expected = ExpectedVersion(http);
        var cancellation = http.RequestAborted;
        try
        {
            var stream = expected is { } version
                ? await session.Events.FetchForWriting<TState>(streamId, version, cancellation)
                : await session.Events.FetchForWriting<TState>(streamId, cancellation);
            if (stream.Aggregate is null) throw new NotFound(notFound);

            var events = decide(stream.Aggregate).ToArray();
            stream.AppendMany(events);
            await session.SaveChangesAsync(cancellation);
            var newVersion = (stream.StartingVersion ?? 0) + events.Length;
            SetETag(http, newVersion);
            return newVersion;
        }
        catch (ConcurrencyException) when (expected is not null)
        {
            // Marten reports a missing stream as a version mismatch; it is not there (or another tenant's).
            if (await session.Events.FetchStreamStateAsync(streamId, cancellation) is null) throw new NotFound(notFound);
            throw new PreconditionFailed($"If-Match names version {expected}, but the resource has changed since. Read it again and retry.");
        }
    }

    /// <summary>Starts a new stream; a second start with the same id is a conflict.</summary>
    public static async Task Start(this IDocumentSession session, Guid streamId, HttpContext http, IEnumerable<object> events)
    {
        var list = events.ToArray();
        session.Events.StartStream(streamId, list);
        await session.SaveChangesAsync(http.RequestAborted);
        SetETag(http, list.Length);
    }

    /// <summary>Reads answer the stream version as an ETag too, so a client can send it back in If-Match.</summary>
    public static async Task SetETagOf(this IQuerySession session, Guid streamId, HttpContext http)
    {
        if (await session.Events.FetchStreamStateAsync(streamId, http.RequestAborted) is { } state)
            SetETag(http, state.Version);
    }

    public static void SetETag(HttpContext http, long version) =>
        http.Response.Headers[HeaderNames.ETag] = $"\"{version}\"";

    private static long? ExpectedVersion(HttpContext http)
    {
        var header = http.Request.Headers[HeaderNames.IfMatch].ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*") return null;
        var value = header.Trim().TrimStart('W', '/').Trim('"');
        return long.TryParse(value, out var version) && version >= 0
            ? version
            : throw new ValidationFailed("If-Match", $"If-Match must be an ETag this service gave out, like \"3\"; got {header}.");
    }
}
