using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Portal.AppHost.DemoData;

/// <summary>Tokens for seeding, from the development issuer (Identity's stand-in) through the gateway, as a client would get them.</summary>
public sealed class DemoTokens(HttpClient gateway)
{
    public async Task<HttpClient> ClientAs(object tokenRequest, CancellationToken cancellationToken)
    {
        var response = await gateway.PostAsJsonAsync("/identity/dev/tokens", tokenRequest, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var client = new HttpClient { BaseAddress = gateway.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
        return client;
    }
}
