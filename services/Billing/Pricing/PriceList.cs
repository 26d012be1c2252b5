using Portal.ServiceDefaults.Problems;

namespace Portal.Billing.Pricing;

/// <summary>A price that applies to terms starting on or after <see cref="From"/> (until a later entry takes over).</summary>
public sealed class PriceEntry
{
    public DateOnly From { get; init; }
    public long UnitPence { get; init; }
    public decimal VatRatePercent { get; init; }
}

/// <summary>The price of one student in one term, and the VAT rate the invoice applies.</summary>
public sealed record UnitPrice(long UnitPence, decimal VatRatePercent);

/// <summary>
/// Prices with the date each applies from (configuration Portal:Billing:Prices). A term's price is the entry in force on
/// its first day, so a price change in the middle of a term applies from the next term.
/// </summary>
public sealed class PriceList
{
    public const string Section = "Portal:Billing:Prices";

    public static readonly PriceEntry Default = new() { From = new DateOnly(2020, 1, 1), UnitPence = 50, VatRatePercent = 20m };

    private readonly IReadOnlyList<PriceEntry> entries;

    public PriceList(IEnumerable<PriceEntry> entries)
    {
        var list = entries.OrderBy(e => e.From).ToList();
        if (list.Count == 0) list.Add(Default);
        if (list.FirstOrDefault(e => e.UnitPence < 0 || e.VatRatePercent is < 0 or > 100) is { } bad)
            throw new InvalidOperationException($"{Section}: the entry from {bad.From:yyyy-MM-dd} needs UnitPence ≥ 0 and VatRatePercent between 0 and 100.");
        if (list.GroupBy(e => e.From).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new InvalidOperationException($"{Section}: two entries apply from {twice.Key:yyyy-MM-dd}.");
        this.entries = list;
    }

    public IReadOnlyList<PriceEntry> Entries => entries;

    public static PriceList FromConfiguration(IConfiguration configuration) =>
        new(configuration.GetSection(Section).Get<List<PriceEntry>>() ?? []);

    /// <summary>The price of a term that starts on <paramref name="termStart"/>.</summary>
    public UnitPrice ForTermStarting(DateOnly termStart) =>
        entries.LastOrDefault(e => e.From <= termStart) is { } entry
            ? new UnitPrice(entry.UnitPence, entry.VatRatePercent)
            : throw new RuleViolation($"No price applies to a term starting {termStart:yyyy-MM-dd}: the first price applies from {entries[0].From:yyyy-MM-dd}.");
}
