using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portal.Gateway.Tests.Support;

/// <summary>What the echo backend saw of a request the gateway forwarded.</summary>
public sealed record Echo(string Service, string Method, string Path, string Query, Dictionary<string, string> Headers, long BodyLength)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}

/// <summary>A stand-in for a Portal service on a real loopback port: answers every request with what it received.</summary>
public sealed class EchoBackend : IAsyncDisposable
{
    private readonly WebApplication app;

    private EchoBackend(WebApplication app, string address)
    {
        this.app = app;
        Address = address;
    }

    public string Address { get; }

    public static async Task<EchoBackend> StartAsync(string service)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(async context => await context.Response.WriteAsJsonAsync(await EchoAsync(service, context.Request)));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new EchoBackend(app, address);
    }

    private static async Task<Echo> EchoAsync(string service, HttpRequest request)
    {
        var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        return new Echo(
            service,
            request.Method,
            request.Path.Value ?? "",
            request.QueryString.Value ?? "",
            request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
            body.Length);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
