using Assay.Compute.Kinds;
using Assay.Compute.Tasks;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;
using Assay.Proofs.Canonical;

namespace Assay.Compute.Tests.Kinds;

/// <summary>The Heston, basket and American inputs of the golden vectors (tests/data/compute/generate_golden_specs.py) and the golden rows.</summary>
internal static class MonteCarloInputsFixtures
{
    public const ulong Seed = 7;

    public static MonteCarloInputs Heston(HestonScheme scheme = HestonScheme.QuadraticExponential, PayoffSpec? payoff = null) => new(
        new HestonModel(100.0, 1.0, 0.03, 0.01, 0.04, 1.5, 0.05, 0.5, -0.7, scheme),
        payoff ?? new PayoffSpec(PayoffKind.European, OptionType.Put, 95.0),
        6_000,
        16,
        false);

    public static BasketModel BasketModel(double[]? correlation = null, double[]? weights = null) => new(
        [100.0, 50.0, 20.0],
        [0.01, 0.0, 0.02],
        [0.2, 0.3, 0.25],
        weights ?? [0.5, 1.0, 2.0],
        correlation ?? [1.0, 0.5, 0.2, 0.5, 1.0, 0.3, 0.2, 0.3, 1.0],
        1.0,
        0.03);

    public static MonteCarloInputs Basket(BasketModel? model = null) => new(
        model ?? BasketModel(), new PayoffSpec(PayoffKind.Basket, OptionType.Call, 140.0), 5_000, 1, true);

    public static MonteCarloInputs American(int steps = 10, long paths = 6_000) => new(
        new GbmModel(36.0, 1.0, 0.06, 0.0, 0.2), new PayoffSpec(PayoffKind.American, OptionType.Put, 40.0), paths, steps, false);

    public static MonteCarloInputs For(string name) => name switch
    {
        "heston" => Heston(),
        "heston-euler-asian" => Heston(HestonScheme.FullTruncationEuler, new PayoffSpec(PayoffKind.ArithmeticAsian, OptionType.Call, 100.0, FixingCount: 8)),
        "basket" => Basket(),
        "american" => American(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>The spec of a golden row: the Monte Carlo policy of <see cref="TaskFixtures.MonteCarloSpec"/> with seed <see cref="Seed"/>.</summary>
    public static TaskSpec Spec(string name) => TaskFixtures.MonteCarloSpec(For(name), Seed);

    /// <summary>The row of golden_specs.csv: name, spec hex, task id hex, inputs hex, inputs hash hex.</summary>
    public static string[] GoldenRow(string name) =>
        File.ReadAllLines(TaskFixtures.DataPath("golden_specs.csv")).Skip(1).Select(l => l.Split(',')).Single(r => r[0] == name);

    public static byte[] Encode(MonteCarloInputs inputs) => CanonicalEncoding.Encode(inputs);
}
