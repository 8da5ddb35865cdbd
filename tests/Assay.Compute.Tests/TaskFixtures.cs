using Assay.Compute.Kinds;
using Assay.Compute.Tasks;
using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;
using Assay.Proofs.Canonical;
using Assay.Proofs.SpotCheck;

namespace Assay.Compute.Tests;

/// <summary>The specs of the golden vectors (tests/data/compute/generate_golden_specs.py) and helpers.</summary>
internal static class TaskFixtures
{
    public static readonly byte[] Node = Enumerable.Range(1, 20).Select(i => (byte)i).ToArray();

    public static readonly byte[] ChallengeSeed = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();

    public static MonteCarloInputs EuropeanInputs(long paths = 10_000, bool antithetic = false) => new(
        new GbmModel(100.0, 1.0, 0.05, 0.02, 0.2),
        new PayoffSpec(PayoffKind.European, OptionType.Call, 100.0),
        paths,
        1,
        antithetic);

    public static PriceBookInputs GoldenBook() => new(
        new PriceBookPosition(new BlackScholesParameters(OptionType.Call, 100.0, 95.0, 0.5, 0.03, 0.01, 0.25), 10.0),
        new PriceBookPosition(new BlackScholesParameters(OptionType.Put, 42.0, 40.0, 0.75, 0.1, 0.0, 0.35), -5.0));

    public static TaskSpec MonteCarloSpec(MonteCarloInputs? inputs = null, ulong seed = 0x0123456789ABCDEF, uint engineVersion = EngineVersion.Current, int uniform = 8)
    {
        inputs ??= EuropeanInputs();
        var items = inputs.LeafCount;
        var policy = new VerificationPolicy(3, 2, new SpotCheckPolicy(uniform, 4, MonteCarloKind.PayoffSquaredLane), 3.0, 100, 5_000_000);
        return new TaskSpec(TaskKindIds.MonteCarlo, engineVersion, CanonicalEncoding.Encode(inputs), items, seed, policy, 250_000, 1_795_000_000_000);
    }

    public static TaskSpec PriceBookSpec(PriceBookInputs? book = null, int uniform = 2)
    {
        book ??= GoldenBook();
        var policy = new VerificationPolicy(1, 1, new SpotCheckPolicy(uniform, 1, PriceBookKind.GrossValueLane), 0.0, 50, 1000);
        return new TaskSpec(TaskKindIds.PriceBook, EngineVersion.Current, CanonicalEncoding.Encode(book), book.Positions.Count, 0, policy, 99, 1_795_000_000_000);
    }

    public static string DataPath(string file) => Path.Combine(AppContext.BaseDirectory, "data", "compute", file);
}
