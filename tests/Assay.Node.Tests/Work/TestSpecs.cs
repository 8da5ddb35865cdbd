using Assay.Compute;
using Assay.Compute.Kinds;
using Assay.Compute.Tasks;
using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;
using Assay.Proofs.Canonical;
using Assay.Proofs.SpotCheck;

namespace Assay.Node.Tests.Work;

/// <summary>Small bit-exact task specs for the node tests.</summary>
internal static class TestSpecs
{
    public static TaskSpec PriceBook(int positions, ulong seed)
    {
        var list = new PriceBookPosition[positions];
        for (var i = 0; i < positions; i++)
        {
            list[i] = new PriceBookPosition(
                new BlackScholesParameters(i % 2 == 0 ? OptionType.Call : OptionType.Put, 100.0, 80.0 + (5 * i), 0.5 + (0.25 * (i % 4)), 0.03, 0.01, 0.15 + (0.01 * i)),
                1.0 + i);
        }

        var policy = new VerificationPolicy(3, 2, new SpotCheckPolicy(2, 1, PriceBookKind.GrossValueLane), 0.0, 2, 1000);
        return new TaskSpec(TaskKindIds.PriceBook, EngineVersion.Current, CanonicalEncoding.Encode(new PriceBookInputs(list)), positions, seed, policy, 9_000_000, 4_000_000_000_000);
    }

    public static TaskSpec MonteCarlo(int leaves, ulong seed)
    {
        var inputs = new MonteCarloInputs(
            new GbmModel(100.0, 1.0, 0.03, 0.01, 0.2), new PayoffSpec(PayoffKind.European, OptionType.Call, 100.0), leaves * 256, 1, false, 256);
        var policy = new VerificationPolicy(3, 2, new SpotCheckPolicy(2, 1, MonteCarloKind.PayoffSquaredLane), 0.0, 2, 1000);
        return new TaskSpec(TaskKindIds.MonteCarlo, EngineVersion.Current, CanonicalEncoding.Encode(inputs), leaves, seed, policy, 9_000_000, 4_000_000_000_000);
    }
}
