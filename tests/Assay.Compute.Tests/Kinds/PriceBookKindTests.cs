using Assay.Compute.Kinds;
using Assay.Compute.Tasks;
using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;
using Assay.Proofs.Canonical;

namespace Assay.Compute.Tests.Kinds;

public sealed class PriceBookKindTests
{
    private const int Seed = 731;

    private static PriceBookInputs RandomBook(int count, int seed)
    {
        var random = new Random(seed);
        var positions = new PriceBookPosition[count];
        for (var i = 0; i < count; i++)
        {
            var option = new BlackScholesParameters(
                random.Next(2) == 0 ? OptionType.Call : OptionType.Put,
                50.0 + (100.0 * random.NextDouble()),
                50.0 + (100.0 * random.NextDouble()),
                0.05 + (2.0 * random.NextDouble()),
                -0.01 + (0.08 * random.NextDouble()),
                0.04 * random.NextDouble(),
                0.05 + (0.6 * random.NextDouble()));
            positions[i] = new PriceBookPosition(option, Math.Round((random.NextDouble() - 0.5) * 2000.0));
        }

        return new PriceBookInputs(positions);
    }

    [Fact]
    public void Portfolio_sums_equal_the_sum_of_BlackScholesMerton_per_position_within_fixed_point_resolution()
    {
        const int count = 300;
        var book = RandomBook(count, Seed);
        var run = TaskRunner.Run(TaskFixtures.PriceBookSpec(book), TaskFixtures.Node);
        var a = run.Result.Aggregate;
        var expected = new double[7];
        var magnitude = new double[7];
        foreach (var (option, quantity) in book.Positions)
        {
            var g = BlackScholesMerton.Greeks(option);
            double[] values = [g.Price * quantity, g.Delta * quantity, g.Gamma * quantity, g.Vega * quantity, g.Theta * quantity, g.Rho * quantity, Math.Abs(g.Price * quantity)];
            for (var i = 0; i < values.Length; i++)
            {
                expected[i] += values[i];
                magnitude[i] += Math.Abs(values[i]);
            }
        }

        for (var i = 0; i < PriceBookKind.FieldNames.Length; i++)
        {
            // Fixed point: each item rounded by ≤ 2^-49, the sum exact; the double reference itself carries ≤ n·ε·Σ|x|.
            var tolerance = (count * Math.ScaleB(1.0, -49)) + (count * Math.ScaleB(1.0, -52) * magnitude[i]) + Math.ScaleB(Math.Abs(expected[i]), -52);
            var name = PriceBookKind.FieldNames[i];
            Assert.True(Math.Abs(a[name] - expected[i]) <= tolerance, $"seed {Seed}, {count} positions: {name} = {a[name]:R}, direct sum {expected[i]:R}, tolerance {tolerance:R}");
        }

        Assert.Equal(count, a["positions"]);
    }

    [Fact]
    public void Leaf_lanes_are_the_rounded_scaled_values_and_the_payload_commits_to_the_greeks()
    {
        var book = TaskFixtures.GoldenBook();
        var position = book.Positions[1];
        var leaf = PriceBookKind.LeafOf(1, position);
        var g = BlackScholesMerton.Greeks(position.Option);
        Assert.Equal(1UL, leaf.Sums.Count);
        Assert.Equal(Assay.Numerics.FixedPoint.FixedPointAccumulator.ToScaled(g.Vega * position.Quantity, PriceBookKind.Scale), leaf.Sums[3]);
        Assert.True(leaf.Sums[PriceBookKind.GrossValueLane] > 0, $"position {position}");
        Assert.NotEqual(leaf.PayloadHash, PriceBookKind.LeafOf(0, position).PayloadHash);
    }

    [Fact]
    public void Invalid_positions_are_refused_naming_the_field()
    {
        var bad = new PriceBookPosition(new BlackScholesParameters(OptionType.Call, 100.0, -1.0, 1.0, 0.0, 0.0, 0.2), 1.0);
        Assert.Equal("K", Assert.Throws<TaskSpecException>(() => new PriceBookInputs(bad)).Field);
        var huge = new PriceBookPosition(new BlackScholesParameters(OptionType.Call, 100.0, 100.0, 1.0, 0.0, 0.0, 0.2), double.PositiveInfinity);
        Assert.Equal("quantity", Assert.Throws<TaskSpecException>(() => new PriceBookInputs(huge)).Field);
        Assert.Equal("positions", Assert.Throws<TaskSpecException>(() => new PriceBookInputs()).Field);
        var book = CanonicalEncoding.Encode(TaskFixtures.GoldenBook());
        Assert.Equal(book, CanonicalEncoding.Encode(CanonicalEncoding.Decode<PriceBookInputs>(book)));
    }
}
