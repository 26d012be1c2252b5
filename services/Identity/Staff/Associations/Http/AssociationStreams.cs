using Marten;
using Microsoft.Net.Http.Headers;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Problems;

namespace Portal.Identity.Staff;

/// <summary>
/// A profile's associations are a stream of their own beside the account's, so changing them does not move the
/// account's version (its ETag). The stream id is derived from the profile id; the first association starts it.
/// </summary>
public static class AssociationStreams
{
    private static readonly Guid Namespace = new("6f1d5a52-35a4-4c55-9f0e-2b7f5d0c9a11");

    public static Guid IdFor(Guid profileId) => NameBasedGuid.Create(Namespace, profileId.ToString("N"));

    public static async Task<StaffAssociationsState> LoadAsync(IQuerySession session, Guid profileId, CancellationToken cancellation) =>
        await session.Events.AggregateStreamAsync<StaffAssociationsState>(IdFor(profileId), token: cancellation)
        ?? StaffAssociationsState.Empty(profileId);

    public static async Task SetETagOf(IQuerySession session, Guid profileId, HttpContext http)
    {
        var state = await session.Events.FetchStreamStateAsync(IdFor(profileId), http.RequestAborted);
        StreamWrites.SetETag(http, state?.Version ?? 0);
    }

    /// <summary>Like <see cref="StreamWrites.Decide{TState}"/>, except that a stream not there yet is a profile with no associations.</summary>
    public static async Task DecideAsync(
        IDocumentSession session, Guid profileId, HttpContext http, Func<StaffAssociationsState?, object[]> decide)
    {
        var streamId = IdFor(profileId);
        var expected = ExpectedVersion(http);
        var cancellation = http.RequestAborted;
        try
        {
            var stream = expected is { } version
                ? await session.Events.FetchForWriting<StaffAssociationsState>(streamId, version, cancellation)
                : await session.Events.FetchForWriting<StaffAssociationsState>(streamId, cancellation);
            var events = decide(stream.Aggregate);
            stream.AppendMany(events);
            await session.SaveChangesAsync(cancellation);
            StreamWrites.SetETag(http, (stream.StartingVersion ?? 0) + events.Length);
        }
        catch (JasperFx.ConcurrencyException) when (expected is not null)
        {
            throw new PreconditionFailed(
                $"If-Match names version {expected}, but the associations have changed since. Read them again and retry.");
        }
    }

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
