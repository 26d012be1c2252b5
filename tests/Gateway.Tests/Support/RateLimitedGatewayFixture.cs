namespace Portal.Gateway.Tests.Support;

/// <summary>The gateway with a limit small enough to reach in a test.</summary>
public sealed class RateLimitedGatewayFixture : GatewayFixture
{
    public const int Permits = 2;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Gateway:RateLimit:PermitsPerWindow"] = Permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Gateway:RateLimit:WindowSeconds"] = "60",
    };
}
