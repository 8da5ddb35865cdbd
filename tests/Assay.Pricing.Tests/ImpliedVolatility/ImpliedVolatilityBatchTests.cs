using System.Globalization;
using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;
using Assay.Pricing.Volatility;

namespace Assay.Pricing.Tests.Volatility;

/// <summary>The batch solve gives, quote by quote, exactly the scalar result (all fields, volatility bit for bit).</summary>
public sealed class ImpliedVolatilityBatchTests
{
    [Fact]
    public void Batch_matches_scalar_bit_for_bit_over_the_acceptance_grid()
    {
        // The grid (tests/data/pricing/iv/generate_iv_grid.py) covers every branch, region and bound status.
        var rows = ReferenceCsv.Read("iv_grid.csv");
        var quotes = rows.Select(ImpliedVolatilityGridTests.Parameters).ToArray();
        AssertBatchMatchesScalar(quotes, "iv_grid.csv");
    }

    [Fact]
    public void Batch_matches_scalar_bit_for_bit_on_random_quotes_with_bound_cases()
    {
        const int Seed = 20261121;
        var random = new Random(Seed);
        var quotes = new ImpliedVolatilityParameters[1000];
        for (var i = 0; i < quotes.Length; i++)
        {
            var p = new BlackScholesParameters(
                random.NextDouble() < 0.5 ? OptionType.Call : OptionType.Put, 100.0, 70.0 + (60.0 * random.NextDouble()),
                0.05 + (1.95 * random.NextDouble()), 0.08 * random.NextDouble(), 0.04 * random.NextDouble(), 0.1 + (0.5 * random.NextDouble()));
            var price = BlackScholesMerton.Price(p);

            // Every 7th quote is pushed below intrinsic or above the upper bound (statuses interleaved with solves).
            price = (i % 7) switch
            {
                3 => -1.0,
                5 => 1e6,
                _ => price,
            };
            quotes[i] = new ImpliedVolatilityParameters(p.Type, p.Spot, p.Strike, p.ExpiryYears, p.Rate, p.DividendYield, price);
        }

        AssertBatchMatchesScalar(quotes, $"seed {Seed}");
    }

    [Fact]
    public void Batch_result_does_not_depend_on_the_neighbouring_quotes()
    {
        // The lane-wise stages group quotes four at a time (and by region); a shuffled grid puts every quote next to
        // different neighbours, in different lanes and chunk positions, and each result must still be the scalar one.
        const int Seed = 20261122;
        var rows = ReferenceCsv.Read("iv_grid.csv");
        var quotes = rows.Select(ImpliedVolatilityGridTests.Parameters).ToArray();
        new Random(Seed).Shuffle(quotes);
        AssertBatchMatchesScalar(quotes, $"iv_grid.csv shuffled with seed {Seed}");

        // Odd lengths leave a scalar tail in every stage; fewer than four quotes take the scalar solve.
        AssertBatchMatchesScalar(quotes[..37], $"iv_grid.csv shuffled with seed {Seed}, first 37");
        for (var length = 1; length <= 5; length++)
        {
            AssertBatchMatchesScalar(quotes[..length], $"iv_grid.csv shuffled with seed {Seed}, first {length}");
        }
    }

    [Fact]
    public void Batch_rejects_a_short_result_span_and_invalid_quotes()
    {
        var quote = new ImpliedVolatilityParameters(OptionType.Call, 100.0, 100.0, 1.0, 0.01, 0.0, 10.0);
        Assert.Throws<ArgumentException>(() => ImpliedVolatility.Calculate([quote, quote], new ImpliedVolatilityResult[1]));
        var invalid = quote with { Strike = -1.0 };
        var error = Assert.Throws<PricingInputException>(() => ImpliedVolatility.Calculate([quote, invalid], new ImpliedVolatilityResult[2]));
        Assert.Contains("K", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_handles_an_edge_quote_in_every_lane_position_like_the_scalar_call()
    {
        // The reduction runs four quotes at a time; a group holding a quote whose discounted forward overflows, or a
        // price at intrinsic, falls back to the scalar checks. Each position of a group of four and the scalar tail.
        const int Count = 9;
        var good = new ImpliedVolatilityParameters(OptionType.Call, 100.0, 100.0, 1.0, 0.01, 0.0, 10.0);
        var overflowing = good with { DividendYield = -1000.0 };
        var scalarError = Assert.Throws<PricingInputException>(() => ImpliedVolatility.Calculate(overflowing));
        for (var position = 0; position < Count; position++)
        {
            var quotes = Enumerable.Repeat(good, Count).ToArray();
            quotes[position] = overflowing;
            var error = Assert.Throws<PricingInputException>(() => ImpliedVolatility.Calculate(quotes, new ImpliedVolatilityResult[Count]));
            Assert.True(
                error.Field == scalarError.Field && error.Message == scalarError.Message,
                $"q = -1000 at position {position} of {Count}: batch {error.Field} '{error.Message}', scalar {scalarError.Field} '{scalarError.Message}'");

            quotes[position] = good with { Type = OptionType.Put, Price = 0.0 };
            AssertBatchMatchesScalar(quotes, $"put at intrinsic (price 0) at position {position} of {Count}");
        }
    }

    [Fact]
    public void The_first_bad_quote_is_reported_even_when_a_later_one_in_its_group_fails_an_earlier_check()
    {
        // Quote i fails only at its discounting (q = -1000 overflows the forward), quote j > i in the same group of
        // four fails the input guards (K < 0): the batch must report quote i, as a loop over the scalar call would.
        var good = new ImpliedVolatilityParameters(OptionType.Call, 100.0, 100.0, 1.0, 0.01, 0.0, 10.0);
        var overflowing = good with { DividendYield = -1000.0 };
        var negativeStrike = good with { Strike = -1.0 };
        var expected = Assert.Throws<PricingInputException>(() => ImpliedVolatility.Calculate(overflowing));
        for (var first = 0; first < 3; first++)
        {
            for (var second = first + 1; second < 4; second++)
            {
                var quotes = Enumerable.Repeat(good, 8).ToArray();
                quotes[first] = overflowing;
                quotes[second] = negativeStrike;
                var error = Assert.Throws<PricingInputException>(() => ImpliedVolatility.Calculate(quotes, new ImpliedVolatilityResult[8]));
                Assert.True(
                    error.Field == expected.Field && error.Message == expected.Message,
                    $"q = -1000 at {first}, K = -1 at {second}: batch {error.Field} '{error.Message}', expected {expected.Field} '{expected.Message}'");
            }
        }
    }

    private static void AssertBatchMatchesScalar(ImpliedVolatilityParameters[] quotes, string source)
    {
        var batch = new ImpliedVolatilityResult[quotes.Length];
        ImpliedVolatility.Calculate(quotes, batch);
        for (var i = 0; i < quotes.Length; i++)
        {
            var p = quotes[i];
            var scalar = ImpliedVolatility.Calculate(p);
            var same = scalar.Status == batch[i].Status && scalar.Iterations == batch[i].Iterations
                && BitConverter.DoubleToInt64Bits(scalar.Volatility) == BitConverter.DoubleToInt64Bits(batch[i].Volatility)
                && BitConverter.DoubleToInt64Bits(scalar.LowerBound) == BitConverter.DoubleToInt64Bits(batch[i].LowerBound)
                && BitConverter.DoubleToInt64Bits(scalar.UpperBound) == BitConverter.DoubleToInt64Bits(batch[i].UpperBound);
            Assert.True(same, string.Create(
                CultureInfo.InvariantCulture,
                $"{source}, quote {i}: {p.Type} S={p.Spot:R} K={p.Strike:R} T={p.ExpiryYears:R} r={p.Rate:R} q={p.DividendYield:R} price={p.Price:R}: scalar {scalar} batch {batch[i]}"));
        }
    }
}
