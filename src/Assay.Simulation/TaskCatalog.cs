using Assay.Compute.Kinds;
using Assay.Compute.Tasks;
using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;
using Assay.Proofs.Canonical;
using Assay.Proofs.SpotCheck;

namespace Assay.Simulation;

/// <summary>Small bit-exact tasks for simulated requesters: PriceBooks of a few positions and Monte Carlo runs of a few batches.</summary>
/// <remarks>Every task has replication 3, quorum 2 and three spot checks (two uniform, one by mass), so a run computes fast.</remarks>
internal static class TaskCatalog
{
    public const int Replication = 3;
    public const int Quorum = 2;
    public const ulong FeeMinorUnits = 9_000_000;
    private const int MonteCarloPathsPerLeaf = 256;

    public static TaskSpec Draw(Random random, long deadlineUnixMs)
    {
        var seed = (ulong)random.NextInt64(1, long.MaxValue);
        if (random.Next(3) == 0)
        {
            var items = random.Next(2, 5);
            var inputs = new MonteCarloInputs(
                new GbmModel(100.0, 0.5 + (0.25 * random.Next(4)), 0.03, 0.01, 0.15 + (0.05 * random.Next(4))),
                new PayoffSpec(PayoffKind.European, random.Next(2) == 0 ? OptionType.Call : OptionType.Put, 90.0 + (5.0 * random.Next(5))),
                items * MonteCarloPathsPerLeaf, 1, false, MonteCarloPathsPerLeaf);
            var policy = new VerificationPolicy(Replication, Quorum, new SpotCheckPolicy(2, 1, MonteCarloKind.PayoffSquaredLane), 0.0, 2, 1000);
            return new TaskSpec(TaskKindIds.MonteCarlo, 1, CanonicalEncoding.Encode(inputs), items, seed, policy, FeeMinorUnits, deadlineUnixMs);
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
        return new TaskSpec(TaskKindIds.PriceBook, 1, CanonicalEncoding.Encode(new PriceBookInputs(list)), positions, seed, bookPolicy, FeeMinorUnits, deadlineUnixMs);
    }
}
