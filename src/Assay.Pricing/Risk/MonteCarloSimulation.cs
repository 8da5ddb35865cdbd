using System.Globalization;
using System.Runtime.Intrinsics;
using Assay.Numerics;
using Assay.Numerics.LinearAlgebra;
using Assay.Numerics.RandomNumbers;

namespace Assay.Pricing.Risk;

/// <summary>Monte Carlo VaR: correlated Gaussian h-day log-return shocks, full revaluation, empirical VaR and ES.</summary>
/// <remarks>
/// <para>Scenario i: z_d = <c>Variates.Normal(seed, path: i, step: 0, dimension: d)</c> for each risk factor d (factors in
/// market-data order), x = L·z with L the Cholesky factor of the factors' return covariance
/// (<see cref="Cholesky.FactorCovariance"/>; a singular covariance is fine), spots S_d·exp(x_d), and the portfolio
/// revalued with the calendar moved forward h/365 years. The log returns have zero mean over the horizon.</para>
/// <para>Each P&amp;L is a pure function of (inputs, i); scenarios run in parallel in fixed blocks and each writes its own
/// slot, so the P&amp;L vector, VaR and ES are bit-identical for any thread count, and any one scenario can be
/// recomputed alone (DESIGN.md §4, a VaR task's leaves). VaR and ES follow <see cref="TailRisk"/>.</para>
/// </remarks>
public static class MonteCarloSimulation
{
    /// <summary>The largest number of scenarios accepted.</summary>
    public const int MaxScenarios = 10_000_000;

    /// <summary>Runs the simulation on up to <paramref name="maxDegreeOfParallelism"/> threads (−1: all cores); the result does not depend on it.</summary>
    /// <exception cref="PricingInputException">An input is out of range; the message names the field (<c>scenarios</c>, <c>confidence</c>, <c>horizon_days</c>, <c>covariance</c>, …).</exception>
    public static VarResult Run(in MonteCarloVarParameters p, int maxDegreeOfParallelism = -1)
    {
        TailRisk.ValidateConfidence(p.Confidence);
        RiskHorizon.Validate(p.HorizonDays);
        ArgumentNullException.ThrowIfNull(p.Covariance);
        var needed = TailRisk.MinimumScenarios(p.Confidence);
        if (p.Scenarios < needed || p.Scenarios > MaxScenarios)
        {
            InputGuard.Fail("scenarios", string.Create(CultureInfo.InvariantCulture, $"scenarios must be an integer in [{needed}, {MaxScenarios}] for confidence {p.Confidence:R} (n·(1 − c) ≥ 1) (got {p.Scenarios})"));
        }

        if (p.Covariance.HorizonDays != p.HorizonDays)
        {
            InputGuard.Fail("horizon_days", string.Create(CultureInfo.InvariantCulture, $"horizon_days is {p.HorizonDays} but the covariance is of {p.Covariance.HorizonDays}-day returns"));
        }

        var valuation = PortfolioValuation.Create(p.Portfolio, p.Market, p.HorizonDays);
        LowerTriangularMatrix factor;
        try
        {
            factor = Cholesky.FactorCovariance(p.Covariance.Select(valuation.Factors), valuation.Factors.Count);
        }
        catch (MatrixInputException ex)
        {
            throw new PricingInputException("covariance", CorrelationMatrix.Describe(ex, valuation.Factors));
        }

        var pnl = ScenarioBlocks.Run(valuation, new Shock(p.Seed, factor, valuation.Spots), p.Scenarios, maxDegreeOfParallelism);
        var tail = TailRisk.FromProfitAndLoss(pnl, p.Confidence);
        return new VarResult(VarMethod.MonteCarlo, p.Confidence, p.HorizonDays, tail.ValueAtRisk, tail.ExpectedShortfall, pnl.Length, pnl);
    }

    /// <summary>Draws the normals of four consecutive scenarios at once (scalar uniforms, one vector inverse CDF per factor).</summary>
    /// <remarks>Scratch layout: [0, 4m) the normals of the current group of four scenarios, factor-major; [4m, 5m) the
    /// correlated shocks of one scenario. The vector <c>Normal.InverseCdf</c> gives the scalar bits in every lane (its
    /// contract, tested in Assay.Numerics), so each scenario still sees exactly <c>Variates.Normal(seed, i, 0, d)</c>.</remarks>
    private readonly struct Shock(ulong seed, LowerTriangularMatrix factor, double[] spots) : IScenarioShock
    {
        private const int Group = 4;

        public int ScratchLength(int factors) => (Group + 1) * factors;

        public void Spots(int scenario, Span<double> shocked, Span<double> scratch)
        {
            var m = shocked.Length;
            var normals = scratch[..(Group * m)];
            var lane = scenario % Group;
            if (lane == 0)
            {
                var first = (ulong)scenario;
                for (var d = 0; d < m; d++)
                {
                    var u = Vector256.Create(
                        Variates.Uniform(seed, first, 0, (uint)d),
                        Variates.Uniform(seed, first + 1, 0, (uint)d),
                        Variates.Uniform(seed, first + 2, 0, (uint)d),
                        Variates.Uniform(seed, first + 3, 0, (uint)d));
                    Normal.InverseCdf(u).CopyTo(normals.Slice(d * Group, Group));
                }
            }

            var x = scratch.Slice(Group * m, m);
            for (var d = 0; d < m; d++)
            {
                x[d] = normals[(d * Group) + lane];
            }

            factor.Multiply(x, x);
            for (var d = 0; d < m; d++)
            {
                shocked[d] = spots[d] * DMath.Exp(x[d]);
            }
        }
    }
}
