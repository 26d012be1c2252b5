using Microsoft.Extensions.Configuration;
using Portal.Billing.Pricing;
using Portal.ServiceDefaults.Problems;

namespace Portal.Billing.Tests.InvoicesDeciders;

public sealed class PricingTests
{
    private static readonly PriceList Changing = new([
        new PriceEntry { From = new DateOnly(2020, 1, 1), UnitPence = 50, VatRatePercent = 20m },
        new PriceEntry { From = new DateOnly(2026, 10, 1), UnitPence = 60, VatRatePercent = 17.5m },
    ]);

    [Fact]
    public void Without_configuration_a_student_costs_50p_a_term_plus_20_percent_VAT()
    {
        var prices = PriceList.FromConfiguration(new ConfigurationBuilder().Build());
        Assert.Equal(new UnitPrice(50, 20m), prices.ForTermStarting(new DateOnly(2026, 9, 1)));
    }

    [Fact]
    public void Prices_are_read_from_configuration_with_the_day_each_applies_from()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portal:Billing:Prices:0:From"] = "2020-01-01",
            ["Portal:Billing:Prices:0:UnitPence"] = "50",
            ["Portal:Billing:Prices:0:VatRatePercent"] = "20",
            ["Portal:Billing:Prices:1:From"] = "2027-01-01",
            ["Portal:Billing:Prices:1:UnitPence"] = "55",
            ["Portal:Billing:Prices:1:VatRatePercent"] = "20",
        }).Build();
        var prices = PriceList.FromConfiguration(configuration);
        Assert.Equal(new UnitPrice(50, 20m), prices.ForTermStarting(new DateOnly(2026, 12, 31)));
        Assert.Equal(new UnitPrice(55, 20m), prices.ForTermStarting(new DateOnly(2027, 1, 4)));
    }

    [Fact]
    public void A_price_change_during_a_term_applies_from_the_next_term()
    {
        Assert.Equal(new UnitPrice(50, 20m), Changing.ForTermStarting(new DateOnly(2026, 9, 1)));
        Assert.Equal(new UnitPrice(60, 17.5m), Changing.ForTermStarting(new DateOnly(2027, 1, 4)));
        Assert.Equal(new UnitPrice(60, 17.5m), Changing.ForTermStarting(new DateOnly(2026, 10, 1)));
    }

    [Fact]
    public void A_term_before_the_first_price_has_no_price()
    {
        var error = Assert.Throws<RuleViolation>(() => Changing.ForTermStarting(new DateOnly(2019, 9, 2)));
        Assert.Equal("No price applies to a term starting 2019-09-02: the first price applies from 2020-01-01.", error.Message);
    }

    [Fact]
    public void Two_prices_from_the_same_day_are_refused_at_start()
    {
        var day = new DateOnly(2026, 1, 1);
        Assert.Throws<InvalidOperationException>(() => new PriceList([
            new PriceEntry { From = day, UnitPence = 50, VatRatePercent = 20 }, new PriceEntry { From = day, UnitPence = 60, VatRatePercent = 20 }]));
    }

    [Theory]
    [InlineData(500, 20, 100)]     // exact
    [InlineData(20, 17.5, 4)]      // 3.5p: half rounds up
    [InlineData(30, 17.5, 5)]      // 5.25p rounds down
    [InlineData(-20, 17.5, -4)]    // a credit rounds as the matching charge does
    [InlineData(0, 20, 0)]
    public void VAT_is_rounded_to_the_penny_half_up(long net, decimal rate, long vat) => Assert.Equal(vat, Vat.On(net, rate));
}
