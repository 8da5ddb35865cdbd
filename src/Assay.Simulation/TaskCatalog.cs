using Assay.Compute;
using Assay.Compute.Kinds;
using Assay.Compute.Tasks;
using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;
using Assay.Proofs.Canonical;
using Assay.Proofs.SpotCheck;

namespace Assay.Simulation;

/// <summary>Small tasks for simulated requesters: bit-exact PriceBooks and Monte Carlo runs, and independent-seed (tolerance) Monte Carlo runs.</summary>
/// <remarks>
/// <para>Every task has replication 3, quorum 2 and three spot checks (two uniform, one by mass), so a run computes fast.
/// Of the draws, one in four is a bit-exact Monte Carlo task, one in four a tolerance Monte Carlo task and half are
/// PriceBooks.</para>
/// <para>Tolerance tasks have <see cref="ToleranceZ"/> = 30 and 16 leaves of 64 paths; a faulty node reports an
/// estimate <see cref="FaultyShiftStandardErrors"/> = 1.9·z of its own standard errors away. With three estimates of
/// about equal standard error s pooled (the ledger pools every verified reveal), the band is z·s·√(2/3) ≈ 0.82·z·s:
/// the shifted one is off the pooled mean by ≈ 2/3·1.9·z·s ≈ 1.27·z·s (rejected) and each honest one by
/// ≈ 1/3·1.9·z·s ≈ 0.63·z·s (accepted); with two estimates (one honest, one shifted) the band is z·s/√2 ≈ 0.71·z·s and
/// both are off by 0.95·z·s (no agreement). The smallest margin, ≈ 0.19·z ≈ 5.7 standard errors of the noise, keeps
/// an honest node from being dragged out of the band in thousands of seeds. See docs/simulation.md.</para>
/// </remarks>
internal static class TaskCatalog
{
    public const int Replication = 3;
    public const int Quorum = 2;
    public const ulong FeeMinorUnits = 9_000_000;

    /// <summary>The tolerance tasks' z (policy <c>tolerance_z</c>).</summary>
    public const double ToleranceZ = 30.0;

    /// <summary>How far a faulty node moves its tolerance-task estimate, in its own standard errors.</summary>
    public const double FaultyShiftStandardErrors = 1.9 * ToleranceZ;

    private const int MonteCarloPathsPerLeaf = 256;
    private const int TolerancePathsPerLeaf = 64;
    private const int ToleranceLeaves = 16;

    public static TaskSpec Draw(Random random, long deadlineUnixMs)
    {
        var seed = (ulong)random.NextInt64(1, long.MaxValue);
        var draw = random.Next(4);
        if (draw == 1)
        {
            var inputs = new MonteCarloInputs(
                new GbmModel(100.0, 0.5 + (0.25 * random.Next(4)), 0.03, 0.01, 0.15 + (0.05 * random.Next(4))),
                new PayoffSpec(PayoffKind.European, random.Next(2) == 0 ? OptionType.Call : OptionType.Put, 90.0 + (5.0 * random.Next(5))),
                ToleranceLeaves * TolerancePathsPerLeaf, 1, false, TolerancePathsPerLeaf);
            var policy = new VerificationPolicy(Replication, Quorum, new SpotCheckPolicy(2, 1, MonteCarloKind.PayoffSquaredLane), ToleranceZ, 2, 1000);
            return new TaskSpec(TaskKindIds.MonteCarlo, EngineVersion.Current, CanonicalEncoding.Encode(inputs), ToleranceLeaves, seed, policy, FeeMinorUnits, deadlineUnixMs);
        }

        if (draw == 0)
        {
            var items = random.Next(2, 5);
            var inputs = new MonteCarloInputs(
                new GbmModel(100.0, 0.5 + (0.25 * random.Next(4)), 0.03, 0.01, 0.15 + (0.05 * random.Next(4))),
                new PayoffSpec(PayoffKind.European, random.Next(2) == 0 ? OptionType.Call : OptionType.Put, 90.0 + (5.0 * random.Next(5))),
                items * MonteCarloPathsPerLeaf, 1, false, MonteCarloPathsPerLeaf);
            var policy = new VerificationPolicy(Replication, Quorum, new SpotCheckPolicy(2, 1, MonteCarloKind.PayoffSquaredLane), 0.0, 2, 1000);
            return new TaskSpec(TaskKindIds.MonteCarlo, EngineVersion.Current, CanonicalEncoding.Encode(inputs), items, seed, policy, FeeMinorUnits, deadlineUnixMs);
        }

        var positions = random.Next(4, 9);
        var list = new PriceBookPosition[positions];
        for (var i = 0; i < positions; i++)
        {
            list[i] = new PriceBookPosition(
                new BlackScholesParameters(
                    random.Next(2) == 0 ? OptionType.Call : OptionType.Put, 100.0, 80.0 + random.Next(40), 0.25 + (0.25 * random.Next(8)), 0.03, 0.01, 0.1 + (0.01 * random.Next(30))),
                1.0 + random.Next(10));
        }

        var bookPolicy = new VerificationPolicy(Replication, Quorum, new SpotCheckPolicy(2, 1, PriceBookKind.GrossValueLane), 0.0, 2, 1000);
        return new TaskSpec(TaskKindIds.PriceBook, EngineVersion.Current, CanonicalEncoding.Encode(new PriceBookInputs(list)), positions, seed, bookPolicy, FeeMinorUnits, deadlineUnixMs);
    }
}
