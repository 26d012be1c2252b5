using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Identity.Oidc.Clients;

/// <summary>
/// The portal's own apps, public clients with code + PKCE: <c>portal-web</c> (redirects on the gateway's host,
/// from Portal:Identity:WebRedirectUris) and <c>portal-mobile</c> (portal://callback). Brought in line at every start.
/// </summary>
public sealed class FirstPartyClients(IServiceProvider services, IConfiguration configuration, ILogger<FirstPartyClients> logger) : IHostedService
{
    public const string Web = "portal-web";
    public const string Mobile = "portal-mobile";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var web = (configuration["Portal:Identity:WebRedirectUris"] ?? "http://localhost:8080/signin-callback")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var webLogout = (configuration["Portal:Identity:WebPostLogoutRedirectUris"] ?? "http://localhost:8080/")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        await Ensure(applications, Describe(Web, "Portal (web)", web, webLogout), cancellationToken);
        await Ensure(applications, Describe(Mobile, "Portal (mobile)", ["portal://callback"], ["portal://signed-out"]), cancellationToken);
        logger.LogInformation("First-party clients {Web} and {Mobile} are registered", Web, Mobile);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    static OpenIddictApplicationDescriptor Describe(string clientId, string name, IEnumerable<string> redirects, IEnumerable<string> logoutRedirects)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            DisplayName = name,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.GrantTypes.TokenExchange,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Email, Permissions.Prefixes.Scope + PortalScopes.Portal,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in redirects)
            descriptor.RedirectUris.Add(new Uri(uri));
        foreach (var uri in logoutRedirects)
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
        return descriptor;
    }

    static async Task Ensure(IOpenIddictApplicationManager applications, OpenIddictApplicationDescriptor descriptor, CancellationToken cancellation)
    {
        var existing = await applications.FindByClientIdAsync(descriptor.ClientId!, cancellation);
        try
        {
            if (existing is null)
                await applications.CreateAsync(descriptor, cancellation);
            else
                await applications.UpdateAsync(existing, descriptor, cancellation);
        }
        catch (OpenIddictExceptions.ConcurrencyException) when (existing is not null)
        {
            // Another replica brought it in line at the same moment.
        }
    }
}
