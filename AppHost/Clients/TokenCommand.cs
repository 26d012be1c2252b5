using System.Net;

namespace Portal.AppHost.Clients;

/// <summary>
/// <c>./portal token --email E [--password P] [--totp CODE] [--school ID] [--gateway URL]</c>: signs in through the
/// gateway the way the web app does (code + PKCE on Identity's login page) and prints the access token, so the
/// README's curl examples can use real tokens. Without --password it reads the password from standard input.
/// </summary>
public static class TokenCommand
{
    public const string Usage = "Usage: AppHost token --email EMAIL [--password PASSWORD] [--totp CODE] [--school SCHOOL_ID] [--gateway URL]";

    public static async Task<int> RunAsync(string[] args)
    {
        string? email = null, password = null, totp = null, school = null;
        var gateway = $"http://localhost:{Hosting.PortalAppOptions.GatewayPortFromEnvironment()}";
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--email": email = value; i++; break;
                case "--password": password = value; i++; break;
                case "--totp": totp = value; i++; break;
                case "--school": school = value; i++; break;
                case "--gateway": gateway = value ?? gateway; i++; break;
                default:
                    Console.Error.WriteLine($"Unknown argument '{args[i]}'. {Usage}");
                    return 2;
            }
        }
        if (string.IsNullOrEmpty(email))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        password ??= Console.In.ReadLine();

        var gatewayUri = new Uri(gateway.TrimEnd('/') + "/");
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
        var signIn = new PortalSignIn(browser, new Uri(gatewayUri, "identity/"), "portal-web", new Uri(gatewayUri, "signin-callback"));
        try
        {
            var tokens = await signIn.SignInAsync(email, password ?? "",
                totp is null ? null : () => Task.FromResult(totp));
            if (school is not null)
                tokens = await signIn.SwitchIntoSchoolAsync(tokens.AccessToken, Guid.Parse(school));
            Console.WriteLine(tokens.AccessToken);
            return 0;
        }
        catch (SignInFailed e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }
}
