using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Portal.TestIssuer;

namespace Portal.Testing;

/// <summary>
/// The development issuer on a real loopback port, so services under test fetch its discovery document
/// and keys exactly as they would from Identity. Also mints the bad tokens security tests need.
/// </summary>
public sealed class TestTokenIssuer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TokenMinter minter;

    private TestTokenIssuer(WebApplication app)
    {
        this.app = app;
        minter = app.Services.GetRequiredService<TokenMinter>();
        Authority = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    /// <summary>The issuer URL to configure as Portal:Auth:Authority.</summary>
    public string Authority { get; }

    public static async Task<TestTokenIssuer> StartAsync()
    {
        var app = DevIssuerApp.Build([], builder =>
        {
            builder.Environment.EnvironmentName = "Development";
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await app.StartAsync();
        return new TestTokenIssuer(app);
    }

    public string Mint(TokenRequest request) => minter.Mint(request, Authority);

    /// <summary>A token valid in every way but already expired (beyond the allowed clock skew).</summary>
    public string MintExpired(TokenRequest request) =>
        minter.Mint(request with { LifetimeSeconds = 60 }, Authority, DateTimeOffset.UtcNow.AddMinutes(-10));

    /// <summary>A well-formed token signed by a key the issuer never published.</summary>
    public string MintWithForeignKey(TokenRequest request) =>
        new TokenMinter(new SigningKey(RSA.Create(2048))).Mint(request, Authority);

    /// <summary>An unsigned token (<c>alg: none</c>) with the same claims.</summary>
    public string MintUnsigned(TokenRequest request)
    {
        var signed = new JsonWebToken(Mint(request));
        var header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        return $"{header}.{signed.EncodedPayload}.";
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>Ready-made token requests for the kinds of caller tests need.</summary>
public static class Callers
{
    public static TokenRequest Operator(string audience) =>
        new() { Audiences = [audience], Kind = "operator", Name = "Platform operator" };

    public static TokenRequest Staff(string audience, string staffType, Guid organisation, params Guid[] institutions) =>
        new() { Audiences = [audience], Kind = "staff", StaffType = staffType, Organisation = organisation, Institutions = institutions };

    public static TokenRequest DistrictAdministrator(string audience, Guid organisation) =>
        Staff(audience, "district_administrator", organisation);

    public static TokenRequest CustomerAdministrator(string audience, Guid organisation) =>
        Staff(audience, "customer_administrator", organisation);

    public static TokenRequest BuildingAdministrator(string audience, Guid organisation, Guid school) =>
        Staff(audience, "building_administrator", organisation, school);

    public static TokenRequest Teacher(string audience, Guid organisation, Guid school) =>
        Staff(audience, "teacher", organisation, school);

    /// <summary>A machine client (client credentials) with the given scopes and no organisation.</summary>
    public static TokenRequest MachineClient(string audience, params string[] scopes) =>
        new() { Audiences = [audience], Kind = "client", ClientId = "client-" + Guid.NewGuid().ToString("N")[..16], Name = "Finance", Scopes = scopes, AuthenticationMethods = [] };
}
