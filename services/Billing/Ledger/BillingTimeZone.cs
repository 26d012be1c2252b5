using Microsoft.Extensions.Configuration;

namespace Portal.Billing.Ledger;

/// <summary>The organisation's time zone, in which term days are calendar days (Portal:Billing:TimeZone, default Europe/London).</summary>
public sealed record BillingTimeZone(TimeZoneInfo Zone)
{
    public const string Setting = "Portal:Billing:TimeZone";

    public static BillingTimeZone From(IConfiguration configuration)
    {
        var id = configuration[Setting] is { Length: > 0 } configured ? configured : "Europe/London";
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? new BillingTimeZone(zone)
            : throw new InvalidOperationException($"{Setting} names '{id}', which is not a time zone this machine knows (e.g. Europe/London).");
    }
}
