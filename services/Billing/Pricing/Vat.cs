namespace Portal.Billing.Pricing;

/// <summary>
/// VAT is worked out once, on the invoice's net total (lines stay net), and rounded to the penny half up: half a penny
/// or more rounds away from zero, so a credit rounds exactly as the matching charge would.
/// </summary>
public static class Vat
{
    public static long On(long netPence, decimal ratePercent) =>
        (long)Math.Round(netPence * ratePercent / 100m, MidpointRounding.AwayFromZero);
}
