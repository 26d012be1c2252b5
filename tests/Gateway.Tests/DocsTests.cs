using System.Net;
using System.Net.Http.Json;
using Portal.Gateway.Tests.Support;

namespace Portal.Gateway.Tests;

public sealed class DocsTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private sealed record ServiceEntry(string Name, string Prefix, string OpenApi);

    [Fact]
    public async Task Docs_page_links_the_openapi_document_of_every_routed_service()
    {
        using var client = gateway.Client();

        var response = await client.GetAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"/identity/openapi/v1.json\"", html);
        Assert.Contains("href=\"/institution/openapi/v1.json\"", html);
        Assert.Contains("href=\"/roster/openapi/v1.json\"", html);
        Assert.DoesNotContain("/billing", html);
    }

    [Fact]
    public async Task Docs_services_lists_the_routed_services_as_json()
    {
        using var client = gateway.Client();

        var services = await client.GetFromJsonAsync<ServiceEntry[]>("/docs/services") ?? [];

        Assert.Equal(
            [
                new ServiceEntry("identity", "/identity", "/identity/openapi/v1.json"),
                new ServiceEntry("institution", "/institution", "/institution/openapi/v1.json"),
                new ServiceEntry("roster", "/roster", "/roster/openapi/v1.json"),
            ],
            services);
    }
}
