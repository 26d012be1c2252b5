using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Portal.TestIssuer;

/// <summary>
/// LOCAL DEVELOPMENT ONLY. A token issuer that stands in for the Identity service until it exists:
/// OIDC discovery, JWKS, and <c>POST /dev/tokens</c> minting an access token for whatever claims are asked.
/// It refuses to start outside the Development environment.
/// </summary>
public static class DevIssuerApp
{
    public static async Task Main(string[] args) => await Build(args).RunAsync();

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        configure?.Invoke(builder);
        if (!builder.Environment.IsDevelopment())
            throw new InvalidOperationException("The development token issuer runs only in the Development environment.");

        builder.Services.AddSingleton(_ => SigningKey.LoadOrCreate(builder.Configuration["Portal:DevIssuer:KeyFile"]));
        builder.Services.AddSingleton<TokenMinter>();
        var app = builder.Build();
        app.MapDevIssuerEndpoints();
        return app;
    }
}

/// <summary>The issuer's RSA key, kept in a file when one is named so tokens survive a restart.</summary>
public sealed class SigningKey(RSA rsa)
{
    public RsaSecurityKey Key { get; } = new(rsa) { KeyId = Convert.ToHexString(SHA256.HashData(rsa.ExportRSAPublicKey()))[..16] };

    public static SigningKey LoadOrCreate(string? path)
    {
        var rsa = RSA.Create(2048);
        if (path is null) return new SigningKey(rsa);
        if (File.Exists(path)) rsa.ImportFromPem(File.ReadAllText(path));
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, rsa.ExportRSAPrivateKeyPem());
        }
        return new SigningKey(rsa);
    }
}
