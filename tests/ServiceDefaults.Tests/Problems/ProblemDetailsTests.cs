using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.TestIssuer;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;
using Portal.Testing;

namespace Portal.ServiceDefaults.Tests.Problems;

/// <summary>A minimal service on real Kestrel wired with AddServiceDefaults/UseServiceDefaults and Portal authentication.</summary>
public sealed class ProblemApi : IAsyncLifetime
{
    public const string Audience = "portal-servicedefaults-tests";
    public const string RuleMessage = "The school is closed for the summer.";
    public const string FieldMessage = "A name is required.";
    public const string MissingMessage = "There is no such school.";
    public const string ForbiddenMessage = "Only district administrators may do this.";

    private WebApplication app = null!;
    public TestTokenIssuer Issuer { get; private set; } = null!;
    public HttpClient Client { get; } = new();

    public async Task InitializeAsync()
    {
        Issuer = await TestTokenIssuer.StartAsync();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Portal:Auth:Authority"] = Issuer.Authority;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddServiceDefaults();
        builder.AddPortalAuthentication(Audience);
        app = builder.Build();
        app.UseServiceDefaults();
        app.MapGet("/rule", IResult () => throw new RuleViolation(RuleMessage)).AllowAnonymous();
        app.MapGet("/invalid", IResult () => throw new ValidationFailed("name", FieldMessage)).AllowAnonymous();
        app.MapGet("/missing", IResult () => throw new NotFound(MissingMessage)).AllowAnonymous();
        app.MapGet("/forbidden", IResult () => throw new Forbidden(ForbiddenMessage)).AllowAnonymous();
        app.MapPost("/upload", (IFormFile file) => Results.NoContent()).DisableAntiforgery();
        app.MapGet("/protected", (HttpContext http) => PortalCaller.From(http.User).Kind.ToString());
        await app.StartAsync();
        Client.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public HttpRequestMessage Get(string path, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}

public sealed class ProblemDetailsTests(ProblemApi api) : IClassFixture<ProblemApi>
{
    private TokenRequest Staff => Callers.DistrictAdministrator(ProblemApi.Audience, Guid.NewGuid());

    [Theory]
    [InlineData("/rule", HttpStatusCode.Conflict, ProblemApi.RuleMessage)]
    [InlineData("/missing", HttpStatusCode.NotFound, ProblemApi.MissingMessage)]
    [InlineData("/forbidden", HttpStatusCode.Forbidden, ProblemApi.ForbiddenMessage)]
    public async Task Domain_refusals_answer_problem_details_with_their_status_and_message(string path, HttpStatusCode status, string detail)
    {
        var problem = await Problem(api.Get(path), status);
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
        Assert.Equal(path, problem.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task A_validation_failure_answers_400_listing_the_fields()
    {
        var problem = await Problem(api.Get("/invalid"), HttpStatusCode.BadRequest);
        Assert.Equal(ProblemApi.FieldMessage, problem.GetProperty("detail").GetString());
        var errors = problem.GetProperty("errors").GetProperty("name");
        Assert.Equal(ProblemApi.FieldMessage, Assert.Single(errors.EnumerateArray()).GetString());
    }

    [Fact]
    public async Task A_route_that_does_not_exist_answers_a_404_problem()
    {
        await Problem(api.Get("/no/such/route", api.Issuer.Mint(Staff)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_valid_token_reaches_a_protected_endpoint()
    {
        using var response = await api.Client.SendAsync(api.Get("/protected", api.Issuer.Mint(Staff)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Staff", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task No_token_on_a_protected_endpoint_answers_a_401_problem()
    {
        await Problem(api.Get("/protected"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unsigned_token_is_refused()
    {
        await Problem(api.Get("/protected", api.Issuer.MintUnsigned(Staff)), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        await Problem(api.Get("/protected", api.Issuer.MintExpired(Staff)), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_signed_by_a_key_the_issuer_never_published_is_refused()
    {
        await Problem(api.Get("/protected", api.Issuer.MintWithForeignKey(Staff)), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_for_another_service_is_refused()
    {
        var elsewhere = Callers.DistrictAdministrator("portal-billing", Guid.NewGuid());
        await Problem(api.Get("/protected", api.Issuer.Mint(elsewhere)), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_body_of_a_type_the_endpoint_does_not_accept_is_a_415_problem_naming_the_type_sent()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/upload") { Content = new ByteArrayContent([0x25, 0x50, 0x44, 0x46]) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", api.Issuer.Mint(Staff));

        var problem = await Problem(request, HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("'application/pdf'", problem.GetProperty("detail").GetString());
    }

    private async Task<JsonElement> Problem(HttpRequestMessage request, HttpStatusCode status)
    {
        using var response = await api.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
