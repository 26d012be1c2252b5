using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Portal.Security.Tests;

/// <summary>
/// The calls of one scope rule: every operation whose route names only resources outside the actor's scope, and the
/// reads of the in-scope counterparts as the control. Reads go first and deletions last, so a leak that changes
/// something cannot hide the answers to the checks after it.
/// </summary>
public sealed class ScopeChecks(SecuritySuiteFixture suite, SecurityReport report)
{
    /// <summary>
    /// Expected: 404, as for what does not exist; or 403 when the actor gets the same 403 with every id fresh (their
    /// kind of account or role may never call the operation, so the refusal says nothing about the resource).
    /// </summary>
    public async Task<int> OutsideAsync(ScopeActor actor, OutOfScope outside)
    {
        var operations = Naming(outside.Ids);
        using var gateway = suite.System.CreateGatewayClient();
        foreach (var phase in operations.GroupBy(Phase).OrderBy(g => g.Key))
            await Probe.EachAsync(phase, async operation =>
            {
                using var response = await gateway.SendAsync(Requests.For(operation, outside.Ids, actor.Token, plausibleBody: true));
                if (response.StatusCode == HttpStatusCode.Forbidden && await RefusedAlikeForNothingAsync(gateway, operation, actor))
                {
                    report.Add(new($"{actor.Name}: refused for the role", operation.Name, response.StatusCode, true, ""));
                    return;
                }
                report.Add(new($"{actor.Name}: {outside.Why}", operation.Name, response.StatusCode,
                    response.StatusCode == HttpStatusCode.NotFound, await Probe.DetailAsync(response)));
            });
        return operations.Count;
    }

    /// <summary>
    /// The control: each read naming the actor's in-scope resources answers 2xx, unless the actor's role may never read
    /// it (the same 403 for fresh ids), so the 404s above are for scope and not for ids or tokens that do not work.
    /// Answers how many reads found what they named.
    /// </summary>
    public async Task<int> InsideAsync(ScopeActor actor)
    {
        var reached = 0;
        using var gateway = suite.System.CreateGatewayClient();
        await Probe.EachAsync(Naming(actor.InScope).Where(o => o.Method == "GET"), async operation =>
        {
            using var response = await gateway.SendAsync(Requests.For(operation, actor.InScope, actor.Token, plausibleBody: false));
            if (response.IsSuccessStatusCode) Interlocked.Increment(ref reached);
            var refusedForRole = response.StatusCode == HttpStatusCode.Forbidden && await RefusedAlikeForNothingAsync(gateway, operation, actor);
            report.Add(new($"control: {actor.Name} reads own", operation.Name, response.StatusCode,
                response.IsSuccessStatusCode || refusedForRole, await Probe.DetailAsync(response)));
        });
        return reached;
    }

    /// <summary>One hand-made call (a body naming an out-of-scope resource, or a control), expected to answer exactly this.</summary>
    public async Task<HttpResponseMessage> ExpectAsync(ScopeActor actor, string check, HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var gateway = suite.System.CreateGatewayClient();
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", actor.Token);
        var response = await gateway.SendAsync(request);
        var content = await response.Content.ReadAsStringAsync();
        report.Add(new($"{actor.Name}: {check}", $"{method} {path}", response.StatusCode, response.StatusCode == expected,
            content.Length > 160 ? content[..160] : content));
        return response;
    }

    /// <summary>A list the actor reads names the in-scope id and none of the others (lists filter rather than refuse).</summary>
    public async Task ListAsync(ScopeActor actor, string path, string idProperty, string inScope, params string[] outOfScope)
    {
        using var gateway = suite.System.CreateGatewayClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", actor.Token);
        using var response = await gateway.SendAsync(request);
        var ids = response.IsSuccessStatusCode
            ? (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(e => e.GetProperty(idProperty).ToString()).ToList()
            : [];
        report.Add(new($"{actor.Name}: list shows only own", $"GET {path}", response.StatusCode,
            ids.Contains(inScope) && !ids.Intersect(outOfScope).Any(), $"listed {string.Join(", ", ids)}"));
    }

    /// <summary>The operations whose every route parameter names one of these resources.</summary>
    private List<ApiOperation> Naming(IReadOnlyDictionary<string, string> ids) =>
        [.. suite.Operations.Where(o => o.RouteParameters.Count > 0 && !PublicOperations.Includes(o) && RouteIds.Resolve(o, ids).Complete)];

    private static int Phase(ApiOperation operation) => operation.Method switch { "GET" => 0, "DELETE" => 2, _ => 1 };

    private static async Task<bool> RefusedAlikeForNothingAsync(HttpClient gateway, ApiOperation operation, ScopeActor actor)
    {
        using var response = await gateway.SendAsync(Requests.For(operation, new Dictionary<string, string>(), actor.Token, plausibleBody: true));
        return response.StatusCode == HttpStatusCode.Forbidden;
    }
}
