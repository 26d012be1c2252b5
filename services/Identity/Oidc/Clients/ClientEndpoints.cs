using Portal.Identity.Access;
using System.Security.Cryptography;
using System.Text.Json;
using OpenIddict.Abstractions;
using Portal.ServiceDefaults.Problems;
using Portal.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Identity.Oidc.Clients;

public sealed record RegisterClientRequest(string DisplayName, IReadOnlyList<string> Scopes, Guid? OrganisationId = null);

public sealed record RegisteredClient(string ClientId, string DisplayName, IReadOnlyList<string> Scopes, Guid? OrganisationId, string? ClientSecret = null);

/// <summary>
/// Machine clients (client credentials) registered by a platform operator. The secret is shown once, in the answer
/// to the registration; OpenIddict stores only its hash.
/// </summary>
public static class ClientEndpoints
{
    public static void MapClientEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/clients").WithTags("Machine clients").RequireOperator("Only platform operators register machine clients.");

        group.MapPost("/", async (RegisterClientRequest body, IOpenIddictApplicationManager applications, HttpContext http) =>
        {
            var name = body.DisplayName?.Trim() ?? "";
            if (name.Length is 0 or > 100)
                throw new ValidationFailed("displayName", "Display name is required (at most 100 characters).");
            var scopes = (body.Scopes ?? []).Distinct().ToList();
            if (scopes.Count == 0 || scopes.Any(s => !PortalScopes.MachineScopes.Contains(s)))
                throw new ValidationFailed("scopes", $"Scopes must be one or more of: {string.Join(", ", PortalScopes.MachineScopes)}.");

            var clientId = $"client-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
            var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = clientId,
                ClientSecret = secret,
                DisplayName = name,
                ClientType = ClientTypes.Confidential,
                Permissions = { Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.GrantTypes.ClientCredentials },
            };
            foreach (var scope in scopes)
                descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
            if (body.OrganisationId is { } org)
                descriptor.Properties[ClientCredentialsGrant.OrganisationProperty] = JsonSerializer.SerializeToElement(org.ToString());
            await applications.CreateAsync(descriptor, http.RequestAborted);
            return Results.Created($"{http.Request.PathBase}/clients/{clientId}",
                new RegisteredClient(clientId, name, scopes, body.OrganisationId, secret));
        }).WithSummary("Register a machine client; the answer holds its secret, which is never shown again.");

        group.MapGet("/", async (IOpenIddictApplicationManager applications, HttpContext http) =>
        {
            var clients = new List<RegisteredClient>();
            await foreach (var application in applications.ListAsync(null, null, http.RequestAborted))
            {
                if (await applications.GetClientTypeAsync(application, http.RequestAborted) != ClientTypes.Confidential)
                    continue;
                clients.Add(await Describe(applications, application, http.RequestAborted));
            }
            return Results.Ok(clients.OrderBy(c => c.DisplayName).ToList());
        }).WithSummary("The registered machine clients (without secrets).");

        group.MapDelete("/{clientId}", async (string clientId, IOpenIddictApplicationManager applications, HttpContext http) =>
        {
            var application = await applications.FindByClientIdAsync(clientId, http.RequestAborted)
                ?? throw new NotFound($"Machine client '{clientId}' was not found.");
            if (await applications.GetClientTypeAsync(application, http.RequestAborted) != ClientTypes.Confidential)
                throw new NotFound($"Machine client '{clientId}' was not found.");
            await applications.DeleteAsync(application, http.RequestAborted);
            return Results.NoContent();
        }).WithSummary("Remove a machine client: its secret stops working at once.");
    }

    static async Task<RegisteredClient> Describe(IOpenIddictApplicationManager applications, object application, CancellationToken cancellation)
    {
        var permissions = await applications.GetPermissionsAsync(application, cancellation);
        var properties = await applications.GetPropertiesAsync(application, cancellation);
        return new RegisteredClient(
            (await applications.GetClientIdAsync(application, cancellation))!,
            await applications.GetDisplayNameAsync(application, cancellation) ?? "",
            permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope)).Select(p => p[Permissions.Prefixes.Scope.Length..]).ToList(),
            properties.TryGetValue(ClientCredentialsGrant.OrganisationProperty, out var org) && Guid.TryParse(org.GetString(), out var id) ? id : null);
    }

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
