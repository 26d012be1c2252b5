using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Exceptions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using Portal.ServiceDefaults.Persistence;
using Portal.ServiceDefaults.Problems;
using Portal.Testing;

namespace Portal.ServiceDefaults.Tests.Persistence;

public sealed record TallyOpened(Guid Id);

public sealed record TallyIncremented(int By);

/// <summary>The smallest decider state: snapshotted inline, as the write side needs it at once.</summary>
public sealed record Tally(Guid Id, int Count)
{
    public static Tally Create(TallyOpened opened) => new(opened.Id, 0);

    public Tally Apply(TallyIncremented incremented) => this with { Count = Count + incremented.By };
}

public sealed class MartenHost : IAsyncLifetime
{
    private IHost host = null!;

    public IDocumentStore Store => host.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { ApplicationName = "servicedefaults-tests", EnvironmentName = "Production" });
        builder.Configuration["ConnectionStrings:postgres"] = await TestInfrastructure.CreateDatabaseAsync("sd_streams");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddPortalMarten(options => options.Projections.Snapshot<Tally>(SnapshotLifecycle.Inline));
        host = builder.Build();
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}

public sealed class StreamWritesTests(MartenHost marten) : IClassFixture<MartenHost>
{
    private const string Missing = "There is no tally with that id in your organisation.";
    private readonly string tenant = Guid.NewGuid().ToString();

    [Fact]
    public async Task Starting_a_stream_answers_its_first_version_as_the_ETag()
    {
        var (_, etag) = await StartTally();
        Assert.Equal("\"1\"", etag);
    }

    [Fact]
    public async Task A_decision_with_the_current_If_Match_is_saved_and_answers_the_next_version()
    {
        var (id, etag) = await StartTally();
        var http = Request(ifMatch: etag);

        var version = await Decide(id, http, by: 5);

        Assert.Equal(2, version);
        Assert.Equal("\"2\"", http.Response.Headers.ETag.ToString());
        await using var session = marten.Store.QuerySession(tenant);
        Assert.Equal(5, (await session.LoadAsync<Tally>(id))!.Count);
    }

    [Fact]
    public async Task A_weak_If_Match_counts_as_the_version_it_names()
    {
        var (id, _) = await StartTally();
        Assert.Equal(2, await Decide(id, Request(ifMatch: "W/\"1\""), by: 1));
    }

    [Fact]
    public async Task A_decision_with_a_stale_If_Match_is_refused_as_a_failed_precondition_and_changes_nothing()
    {
        var (id, etag) = await StartTally();
        await Decide(id, Request(ifMatch: etag), by: 1);

        await Assert.ThrowsAsync<PreconditionFailed>(() => Decide(id, Request(ifMatch: etag), by: 100));

        await using var session = marten.Store.QuerySession(tenant);
        Assert.Equal(1, (await session.LoadAsync<Tally>(id))!.Count);
        Assert.Equal(2, (await session.Events.FetchStreamStateAsync(id))!.Version);
    }

    [Fact]
    public async Task Losing_a_race_after_reading_the_If_Match_version_is_a_failed_precondition_too()
    {
        var (id, etag) = await StartTally();

        // Another writer commits between this request's fetch and its save.
        await Assert.ThrowsAsync<PreconditionFailed>(() => Decide(id, Request(ifMatch: etag), state =>
        {
            Task.Run(() => Decide(id, Request(ifMatch: etag), by: 1)).GetAwaiter().GetResult();
            return [new TallyIncremented(100)];
        }));

        await using var session = marten.Store.QuerySession(tenant);
        Assert.Equal(1, (await session.LoadAsync<Tally>(id))!.Count);
    }

    [Fact]
    public async Task Losing_a_race_without_If_Match_is_a_concurrency_conflict()
    {
        var (id, _) = await StartTally();

        var lost = await Record.ExceptionAsync(() => Decide(id, Request(), state =>
        {
            Task.Run(() => Decide(id, Request(), by: 1)).GetAwaiter().GetResult();
            return [new TallyIncremented(100)];
        }));

        // Both are mapped to 409 by DomainExceptionHandler.
        Assert.True(lost is ConcurrencyException or EventStreamUnexpectedMaxEventIdException,
            $"Expected a concurrency failure, got {lost?.GetType().FullName ?? "none"}");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("\"-1\"")]
    [InlineData("\"1\", \"2\"")]
    public async Task An_If_Match_that_is_not_a_version_is_a_validation_failure(string ifMatch)
    {
        var (id, _) = await StartTally();
        var refusal = await Assert.ThrowsAsync<ValidationFailed>(() => Decide(id, Request(ifMatch), by: 1));
        Assert.Contains("If-Match", refusal.Errors.Keys);
    }

    [Fact]
    public async Task Deciding_on_a_missing_stream_is_not_found_with_the_given_message()
    {
        var refusal = await Assert.ThrowsAsync<NotFound>(() => Decide(Guid.NewGuid(), Request(), by: 1));
        Assert.Equal(Missing, refusal.Message);
    }

    [Fact]
    public async Task Deciding_on_a_missing_stream_with_If_Match_is_not_found_rather_than_a_failed_precondition()
    {
        var http = Request();
        http.Request.Headers.IfMatch = "\"1\"";
        var refusal = await Assert.ThrowsAsync<NotFound>(() => Decide(Guid.NewGuid(), http, by: 1));
        Assert.Equal(Missing, refusal.Message);
    }

    [Fact]
    public async Task Another_organisations_stream_is_not_found()
    {
        var (id, _) = await StartTally();
        await using var stranger = marten.Store.LightweightSession(Guid.NewGuid().ToString());
        var refusal = await Assert.ThrowsAsync<NotFound>(() =>
            stranger.Decide<Tally>(id, Request(), _ => [new TallyIncremented(1)], Missing));
        Assert.Equal(Missing, refusal.Message);
    }

    [Fact]
    public async Task A_read_answers_the_stream_version_as_the_ETag()
    {
        var (id, etag) = await StartTally();
        await Decide(id, Request(ifMatch: etag), by: 1);
        var http = Request();

        await using var session = marten.Store.QuerySession(tenant);
        await session.SetETagOf(id, http);

        Assert.Equal("\"2\"", http.Response.Headers[HeaderNames.ETag].ToString());
    }

    private async Task<(Guid Id, string ETag)> StartTally()
    {
        var id = Guid.NewGuid();
        var http = Request();
        await using var session = marten.Store.LightweightSession(tenant);
        await session.Start(id, http, [new TallyOpened(id)]);
        return (id, http.Response.Headers.ETag.ToString());
    }

    private Task<long> Decide(Guid id, HttpContext http, int by) => Decide(id, http, _ => [new TallyIncremented(by)]);

    private async Task<long> Decide(Guid id, HttpContext http, Func<Tally, IEnumerable<object>> decide)
    {
        await using var session = marten.Store.LightweightSession(tenant);
        return await session.Decide(id, http, decide, Missing);
    }

    private static DefaultHttpContext Request(string? ifMatch = null)
    {
        var http = new DefaultHttpContext();
        if (ifMatch is not null) http.Request.Headers.IfMatch = ifMatch;
        return http;
    }
}
