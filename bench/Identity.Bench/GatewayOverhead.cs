using System.Net;
using System.Net.Http.Headers;
using Portal.Bench;
using Portal.Identity.Bench.Harness;

namespace Portal.Identity.Bench;

/// <summary>
/// What a request pays for the gateway (token validation, rate limiter, proxying): the same authenticated request,
/// answered by Institution without touching the database, through the gateway and straight to the service.
/// </summary>
public static class GatewayOverhead
{
    static readonly int[] Concurrency = [1, 16, 64];
    static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);
    static readonly TimeSpan Window = TimeSpan.FromSeconds(4);

    public sealed record Pair(LoadResult Direct, LoadResult Gateway);

    public static async Task<IReadOnlyList<Pair>> MeasureAsync(BenchSystem system, string accessToken, TextWriter output)
    {
        // Institution checks the token itself too (its own audience), so both ways run the same service code.
        var path = $"organisations/{system.Organisation}/terms/uk-default?academicYear=2026";
        var throughGateway = new Uri(system.Gateway, "/institution/" + path);
        var direct = new Uri(system.Institution, "/" + path);
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        foreach (var uri in new[] { throughGateway, direct })
        {
            using var probe = await http.GetAsync(uri);
            if (probe.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"GET {uri} answered {(int)probe.StatusCode}: {await probe.Content.ReadAsStringAsync()}");
        }

        Func<Task<bool>> Get(Uri uri) => async () =>
        {
            using var response = await http.GetAsync(uri);
            await response.Content.ReadAsByteArrayAsync();
            return response.StatusCode == HttpStatusCode.OK;
        };

        var pairs = new List<Pair>();
        var table = new Table("Token validation cost per request at the gateway: gateway vs the service directly",
            "clients", "direct req/s", "gateway req/s", "throughput ratio", "direct p50", "gateway p50", "added p50",
            "direct p99", "gateway p99", "added p99", "failed");
        foreach (var clients in Concurrency)
        {
            var straight = await ClosedLoop.RunAsync(clients, WarmUp, Window, _ => Get(direct));
            var proxied = await ClosedLoop.RunAsync(clients, WarmUp, Window, _ => Get(throughGateway));
            pairs.Add(new Pair(straight, proxied));
            BenchSummary.Add("Gateway", $"authenticated GET through the gateway, {Figures.Count(clients)} clients: req/s",
                Figures.Rate(proxied.PerSecond), $"Institution directly {Figures.Rate(straight.PerSecond)}", Figures.Percent(proxied.PerSecond / straight.PerSecond));
            BenchSummary.Add("Gateway", $"authenticated GET through the gateway, {Figures.Count(clients)} clients: p50 / p99",
                $"{Figures.Milliseconds(proxied.P50)} / {Figures.Milliseconds(proxied.P99)}",
                $"directly {Figures.Milliseconds(straight.P50)} / {Figures.Milliseconds(straight.P99)}",
                $"+{Figures.Milliseconds(proxied.P50 - straight.P50)} / +{Figures.Milliseconds(proxied.P99 - straight.P99)}");
            table.Row(Figures.Count(clients), Figures.Rate(straight.PerSecond), Figures.Rate(proxied.PerSecond),
                Figures.Percent(proxied.PerSecond / straight.PerSecond),
                Figures.Milliseconds(straight.P50), Figures.Milliseconds(proxied.P50), Figures.Milliseconds(proxied.P50 - straight.P50),
                Figures.Milliseconds(straight.P99), Figures.Milliseconds(proxied.P99), Figures.Milliseconds(proxied.P99 - straight.P99),
                Figures.Count(straight.Failed + proxied.Failed));
        }
        table.Note($"GET /institution/{path.Replace(system.Organisation.ToString(), "{org}")} with a District Administrator's token: " +
                   "authenticated and authorised, answered from memory.")
            .Note("Through the gateway the token is validated twice (gateway, then Institution) and the request takes a second loopback hop; " +
                  "the load generator shares the cores with both processes.")
            .Print(output);
        return pairs;
    }
}
