using Assay.Numerics;
using Assay.Pricing.Risk;

namespace Assay.Pricing.Tests.Risk;

/// <summary>Monte Carlo P&amp;L bits: independent of the thread count and of N, and recomputable one scenario at a time.</summary>
/// <remarks>The name puts these tests in test.sh's determinism pass (AVX off, one processor).</remarks>
public sealed class MonteCarloBitIdentityTests
{
    private const ulong Seed = 20_260_611;

    [Fact]
    public void Profit_and_loss_is_bit_identical_on_one_two_and_all_threads()
    {
        var p = RiskData.OptionsBook(Seed, scenarios: 5000);

        var one = MonteCarloSimulation.Run(p, maxDegreeOfParallelism: 1);
        var two = MonteCarloSimulation.Run(p, maxDegreeOfParallelism: 2);
        var all = MonteCarloSimulation.Run(p);

        Assert.True(one.ProfitAndLoss.Span.SequenceEqual(two.ProfitAndLoss.Span), $"seed {Seed}: P&L differs between 1 and 2 threads");
        Assert.True(one.ProfitAndLoss.Span.SequenceEqual(all.ProfitAndLoss.Span), $"seed {Seed}: P&L differs between 1 thread and all cores");
        Assert.Equal(BitConverter.DoubleToInt64Bits(one.ValueAtRisk), BitConverter.DoubleToInt64Bits(two.ValueAtRisk));
        Assert.Equal(BitConverter.DoubleToInt64Bits(one.ExpectedShortfall), BitConverter.DoubleToInt64Bits(two.ExpectedShortfall));
    }

    [Fact]
    public void Each_scenario_depends_only_on_its_index()
    {
        var shorter = MonteCarloSimulation.Run(RiskData.OptionsBook(Seed, scenarios: 1500), maxDegreeOfParallelism: 2);
        var longer = MonteCarloSimulation.Run(RiskData.OptionsBook(Seed, scenarios: 5000), maxDegreeOfParallelism: 2);

        Assert.True(shorter.ProfitAndLoss.Span.SequenceEqual(longer.ProfitAndLoss.Span[..1500]), $"seed {Seed}: the first 1500 scenarios changed with N");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1026)]
    [InlineData(2999)]
    public void A_scenario_recomputed_alone_from_its_variates_has_the_same_bits(int scenario)
    {
        // The verifier's view (DESIGN.md §5): scenario i uses Variates.Normal(seed, i, 0, d) for factor d, correlated by
        // the Cholesky factor of the covariance, and the linear book's P&L is Σ quantity·(S·exp(x) − S) in portfolio order.
        var market = RiskData.Market();
        var covariance = ReturnCovariance.FromVolatilities(market, RiskData.EuropeanCorrelation(), 1);
        var mc = MonteCarloSimulation.Run(new MonteCarloVarParameters(RiskData.Portfolio("linear"), market, covariance, 0.99, 1, 3000, Seed));

        var sigma = new double[16];
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                sigma[(i * 4) + j] = covariance[i, j];
            }
        }

        var l = Assay.Numerics.LinearAlgebra.Cholesky.FactorCovariance(sigma, 4);
        var z = new double[4];
        for (var d = 0; d < 4; d++)
        {
            z[d] = Assay.Numerics.RandomNumbers.Variates.Normal(Seed, (ulong)scenario, 0, (uint)d);
        }

        l.Multiply(z, z);
        var pnl = 0.0;
        for (var d = 0; d < 4; d++)
        {
            var spot = market.Underlyings[d].Spot;
            pnl += 1.0 * ((spot * DMath.Exp(z[d])) - spot);
        }

        Assert.True(
            BitConverter.DoubleToInt64Bits(pnl) == BitConverter.DoubleToInt64Bits(mc.ProfitAndLoss.Span[scenario]),
            $"seed {Seed}, scenario {scenario}: recomputed {pnl:R}, run {mc.ProfitAndLoss.Span[scenario]:R}");
    }
}
