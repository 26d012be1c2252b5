using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Portal.Bench;
using Portal.Identity.Bench.Harness;
using Portal.ServiceDefaults.Security;

namespace Portal.Identity.Bench;

/// <summary>
/// The raw in-process cost of validating one access token: JsonWebTokenHandler with the TokenValidationParameters the
/// gateway builds (ServiceDefaults' AddPortalAuthentication: RS256/PS256/ES256, issuer, audiences, 30 s skew) and the
/// signing keys from the running system's JWKS, as JwtBearer completes them.
/// </summary>
public static class TokenValidationCost
{
    /// <summary>The gateway's audiences (Portal.Gateway.Routing.PortalServices.Audiences): it accepts every service's.</summary>
    static readonly string[] GatewayAudiences = ["portal-identity", "portal-institution", "portal-roster", "portal-accesscode", "portal-billing"];

    public static async Task MeasureAsync(BenchSystem system, string accessToken, GatewayOverhead.Pair atOneClient, TextWriter output)
    {
        TokenValidationBenchmarks.Token = accessToken;
        TokenValidationBenchmarks.Parameters = await GatewayParametersAsync(system);
        var check = await new JsonWebTokenHandler().ValidateTokenAsync(accessToken, TokenValidationBenchmarks.Parameters);
        if (!check.IsValid)
            throw new InvalidOperationException($"The access token does not validate in process: {check.Exception?.Message}");

        var job = Job.Default.WithWarmupCount(3).WithIterationCount(15).WithIterationTime(TimeInterval.FromMilliseconds(100)).WithLaunchCount(1);
        var stats = Micro.Run<TokenValidationBenchmarks>(job)[nameof(TokenValidationBenchmarks.ValidateToken)];
        var mean = stats.Mean / 1000;
        var added = atOneClient.Gateway.P50 - atOneClient.Direct.P50;
        new Table("Token validation in process: JsonWebTokenHandler.ValidateTokenAsync, the gateway's parameters",
                "measure", "mean", "p50", "p95", "validations/s on one core", "share of the gateway's added p50 (1 client)")
            .Row("validate one RS256 access token", Figures.Microseconds(mean), Figures.Microseconds(stats.Percentiles.P50 / 1000),
                Figures.Microseconds(stats.Percentiles.P95 / 1000), Figures.Rate(1e6 / mean),
                added > 0 ? Figures.Percent(mean / 1000 / added) + $" of {Figures.Milliseconds(added)}" : "–")
            .Note("Percentiles are over BenchmarkDotNet's iterations (each the mean of many validations), not single calls.")
            .Print(output);
    }

    /// <summary>Exactly what the gateway configures, then the issuer and keys from discovery as JwtBearerHandler adds them.</summary>
    static async Task<TokenValidationParameters> GatewayParametersAsync(BenchSystem system)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portal:Auth:Authority"] = system.PublicIdentity.ToString(),
            ["services:identity:http:0"] = system.Identity.ToString().TrimEnd('/'),
        });
        builder.AddPortalAuthentication(GatewayAudiences);
        await using var services = builder.Services.BuildServiceProvider();
        var options = services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        var discovery = await options.ConfigurationManager!.GetConfigurationAsync(CancellationToken.None);
        var parameters = options.TokenValidationParameters.Clone();
        parameters.ValidIssuers = [.. parameters.ValidIssuers ?? [], discovery.Issuer];
        parameters.IssuerSigningKeys = [.. parameters.IssuerSigningKeys ?? [], .. discovery.SigningKeys];
        return parameters;
    }
}

/// <summary>BenchmarkDotNet's view of one validation; public and unsealed as it requires.</summary>
public class TokenValidationBenchmarks
{
    public static string Token { get; set; } = "";
    public static TokenValidationParameters Parameters { get; set; } = new();

    readonly JsonWebTokenHandler _handler = new();

    [Benchmark]
    public async Task<bool> ValidateToken() => (await _handler.ValidateTokenAsync(Token, Parameters)).IsValid;
}
