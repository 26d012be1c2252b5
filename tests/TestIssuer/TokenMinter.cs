using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Portal.TestIssuer;

/// <summary>What a caller asks the development issuer to put in a token.</summary>
public sealed record TokenRequest
{
    public required string[] Audiences { get; init; }
    public Guid Subject { get; init; } = Guid.NewGuid();
    public string Kind { get; init; } = "staff";
    public string? StaffType { get; init; }
    public Guid? Organisation { get; init; }
    public Guid[] Institutions { get; init; } = [];
    public string[] AuthenticationMethods { get; init; } = ["pwd"];
    public string? Name { get; init; }
    public int LifetimeSeconds { get; init; } = 3600;
    /// <summary>A machine client's id, which becomes the subject instead of <see cref="Subject"/>.</summary>
    public string? ClientId { get; init; }
    /// <summary>Granted scopes, written as one space-separated <c>scope</c> claim as Identity writes them.</summary>
    public string[] Scopes { get; init; } = [];
}

public sealed class TokenMinter(SigningKey signingKey)
{
    public string Mint(TokenRequest request, string issuer, DateTimeOffset? now = null)
    {
        var issuedAt = (now ?? DateTimeOffset.UtcNow).UtcDateTime;
        var claims = new List<Claim>
        {
            new("sub", request.ClientId ?? request.Subject.ToString()),
            new("kind", request.Kind),
        };
        if (request.StaffType is not null) claims.Add(new Claim("staff_type", request.StaffType));
        if (request.Organisation is not null) claims.Add(new Claim("org", request.Organisation.Value.ToString()));
        if (request.Name is not null) claims.Add(new Claim("name", request.Name));
        if (request.Scopes.Length > 0) claims.Add(new Claim("scope", string.Join(' ', request.Scopes)));
        claims.AddRange(request.Institutions.Select(i => new Claim("institution", i.ToString())));
        claims.AddRange(request.AuthenticationMethods.Select(m => new Claim("amr", m)));

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt.AddSeconds(request.LifetimeSeconds),
            SigningCredentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.RsaSha256),
        };
        foreach (var audience in request.Audiences) descriptor.Audiences.Add(audience);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
