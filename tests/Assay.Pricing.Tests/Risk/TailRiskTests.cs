using Assay.Pricing.Risk;

namespace Assay.Pricing.Tests.Risk;

/// <summary>The order-statistic rule for VaR and ES.</summary>
public sealed class TailRiskTests
{
    [Fact]
    public void Var_is_the_kth_largest_loss_and_es_the_mean_of_the_k_largest()
    {
        // P&L −1, −2, …, −200 shuffled: losses 1..200; c = 0.98 gives k = ⌈200·0.02⌉ = 4: VaR 197, ES (200+199+198+197)/4.
        const int Seed = 31;
        var pnl = Enumerable.Range(1, 200).Select(i => -(double)i).ToArray();
        new Random(Seed).Shuffle(pnl);

        var tail = TailRisk.FromProfitAndLoss(pnl, 0.98);

        Assert.Equal(new TailEstimate(197, 198.5, 4), tail);
    }

    [Theory]
    [InlineData(1000, 0.99, 10)]   // 1000·(1 − 0.99) = 10.000000000000009 in double: the allowance keeps k = 10
    [InlineData(1000, 0.995, 5)]
    [InlineData(1859, 0.99, 19)]   // 18.59
    [InlineData(185, 0.975, 5)]    // 4.625
    [InlineData(100, 0.99, 1)]
    [InlineData(7, 0.6, 3)]        // 2.8
    public void Tail_count_is_the_ceiling_of_n_times_one_minus_c(int n, double confidence, int k) =>
        Assert.Equal(k, TailRisk.TailCount(n, confidence));

    [Theory]
    [InlineData(0.99, 100)]
    [InlineData(0.95, 20)]
    [InlineData(0.975, 40)]
    [InlineData(0.999, 1000)]
    [InlineData(0.6, 3)]
    public void Minimum_scenarios_put_one_whole_scenario_in_the_tail(double confidence, int minimum)
    {
        Assert.Equal(minimum, TailRisk.MinimumScenarios(confidence));
        Assert.True(minimum * (1 - confidence) >= 1 - 1e-9, $"c {confidence}: {minimum}·(1 − c) < 1");
        Assert.True((minimum - 1) * (1 - confidence) < 1 - 1e-9, $"c {confidence}: {minimum - 1}·(1 − c) ≥ 1 already");
    }

    [Fact]
    public void Negative_zero_losses_become_positive_zero()
    {
        var tail = TailRisk.FromProfitAndLoss([0.0, 0.0, 1.0, 2.0], 0.6);

        Assert.Equal(0L, BitConverter.DoubleToInt64Bits(tail.ValueAtRisk));
    }

    [Fact]
    public void Too_few_scenarios_are_rejected()
    {
        var ex = Assert.Throws<PricingInputException>(() => TailRisk.FromProfitAndLoss(new double[99], 0.99));

        Assert.Equal("pnl", ex.Field);
        Assert.Equal("99 scenario(s) are too few for confidence 0.99: n·(1 − c) ≥ 1 needs at least 100", ex.Message);
    }

    [Fact]
    public void Non_finite_profit_and_loss_is_rejected()
    {
        var pnl = new double[100];
        pnl[42] = double.NaN;

        var ex = Assert.Throws<PricingInputException>(() => TailRisk.FromProfitAndLoss(pnl, 0.99));

        Assert.Equal("pnl", ex.Field);
        Assert.Equal("scenario 42 has a P&L of NaN; every P&L must be finite", ex.Message);
    }
}
