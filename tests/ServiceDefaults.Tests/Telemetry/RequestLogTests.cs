using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.ServiceDefaults.Telemetry;

namespace Portal.ServiceDefaults.Tests.Telemetry;

/// <summary>A service wired with the defaults logs each request at Information with its path, and never its query string.</summary>
public sealed class RequestLogTests
{
    private const string OneTimeToken = "pM0GxGaRYLrVIunPLudjmY__v7U4w3gbgfX6tMEZKaY";

    [Fact]
    public async Task A_request_is_logged_with_its_path_and_status_but_not_its_query_string()
    {
        var logged = new RecordingLoggerProvider();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddProvider(logged);
        builder.AddServiceDefaults();
        builder.Services.AddAuthentication();
        builder.Services.AddAuthorization();
        await using var app = builder.Build();
        app.UseServiceDefaults();
        app.MapGet("/account/setup", () => "the set-up page").AllowAnonymous();
        await app.StartAsync();
        using var client = new HttpClient
        {
            BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()),
        };

        (await client.GetAsync($"/account/setup?token={OneTimeToken}")).EnsureSuccessStatusCode();
        await app.StopAsync();

        var informationOrAbove = logged.Entries.Where(e => e.Level >= LogLevel.Information).ToList();
        Assert.Contains(informationOrAbove, e => e.Category == RequestLog.Category && e.Message.StartsWith("GET /account/setup answered 200 in ", StringComparison.Ordinal));
        Assert.DoesNotContain(informationOrAbove, e => e.Message.Contains(OneTimeToken, StringComparison.Ordinal));
    }

    private sealed record Entry(string Category, LogLevel Level, string Message);

    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new RecordingLogger(categoryName, Entries);

        public void Dispose() { }
    }

    private sealed class RecordingLogger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new(category, logLevel, formatter(state, exception)));
    }
}
