using System.Globalization;
using Assay.Pricing.Instruments;
using Assay.Pricing.Volatility;
using Xunit.Abstractions;

namespace Assay.Pricing.Tests.Volatility;

/// <summary>Laws: round trips through the normalised function, put–call parity, monotonicity, determinism.</summary>
public sealed class ImpliedVolatilityLawTests(ITestOutputHelper output)
{
    private const double Epsilon = 1.1102230246251565e-16; // 2^-53

    [Fact]
    public void Normalised_round_trip_over_random_moneyness_and_total_volatility()
    {
        const int Seed = 20240613;
        output.WriteLine($"seed {Seed}");
        var random = new Random(Seed);
        var slack = KernelAccuracy.Slack;
        var failures = new List<string>();
        for (var i = 0; i < 4000; i++)
        {
            // Total volatility log-uniform in [1e-4, 30], standardised moneyness h = x/s in [-35, 35].
            var s = Math.Pow(10.0, -4.0 + (random.NextDouble() * 5.477));
            var h = -35.0 + (70.0 * random.NextDouble());
            var x = h * s;
            var type = random.Next(2) == 0 ? OptionType.Call : OptionType.Put;
            var beta = NormalisedBlack.Value(x, s, type);
            if (!(beta > 1e-300) || !double.IsFinite(beta) || Math.Abs(x) > 700)
            {
                continue;
            }

            var result = ImpliedVolatility.SolveNormalised(beta, x, type);
            var text = string.Create(CultureInfo.InvariantCulture, $"seed {Seed} i={i}: x={x:R} s={s:R} {type} beta={beta:R} -> {result.Status} {result.Volatility:R}");
            if (result.Status != ImpliedVolatilityStatus.Solved)
            {
                // Only a beta within rounding of its bound may be reported at the bound.
                var bound = result.Status == ImpliedVolatilityStatus.AboveMaximum ? result.UpperBound : result.LowerBound;
                if (!(Math.Abs(beta - bound) <= 4.0 * Epsilon * bound))
                {
                    failures.Add(text);
                }

                continue;
            }

            // Backward error: b(x, ŝ) reproduces β to the rounding a one-ulp change of s or x makes.
            var repriced = NormalisedBlack.Value(x, result.Volatility, type);
            var vega = NormalisedBlack.Vega(x, result.Volatility);
            var allowance = slack * 16.0 * Epsilon * (beta + (result.Volatility * vega) + (Math.Abs(x) * (beta + NormalisedBlack.Value(x, 0.0, type))));
            if (!(Math.Abs(repriced - beta) <= allowance))
            {
                failures.Add($"{text}: repriced {repriced:R}, |diff| {Math.Abs(repriced - beta):E3} > {allowance:E3}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void Call_and_put_prices_of_one_volatility_imply_the_same_volatility()
    {
        const int Seed = 20240614;
        var random = new Random(Seed);
        for (var i = 0; i < 200; i++)
        {
            var strike = 50.0 + (100.0 * random.NextDouble());
            var sigma = 0.05 + random.NextDouble();
            var put = Price(OptionType.Put, strike, sigma);
            var call = Price(OptionType.Call, strike, sigma);
            var putResult = ImpliedVolatility.Calculate(Parameters(OptionType.Put, strike, put));
            var callResult = ImpliedVolatility.Calculate(Parameters(OptionType.Call, strike, call));
            var text = $"seed {Seed} i={i}: K={strike:R} sigma={sigma:R} call={call:R} put={put:R} -> {callResult} / {putResult}";
            if (putResult.Status != ImpliedVolatilityStatus.Solved || callResult.Status != ImpliedVolatilityStatus.Solved)
            {
                // Deep in the money the time value can vanish below one ulp of the price: allowed only then.
                var inTheMoney = putResult.Status != ImpliedVolatilityStatus.Solved ? putResult : callResult;
                var price = putResult.Status != ImpliedVolatilityStatus.Solved ? put : call;
                Assert.True(Math.Abs(price - inTheMoney.LowerBound) <= 4.0 * Epsilon * price, text);
                continue;
            }

            var fromPut = putResult.Volatility;
            var fromCall = callResult.Volatility;

            // Each price carries its rounding (one ulp of the larger of the two prices) into σ through vega.
            var vega = Vega(strike, sigma);
            var allowance = KernelAccuracy.Slack * 16.0 * Epsilon * (Math.Max(call, put) + (sigma * vega)) / vega;
            Assert.True(
                Math.Abs(fromPut - fromCall) <= allowance,
                $"{text}: {fromCall:R} vs {fromPut:R}, allowance {allowance:E3}");
        }
    }

    [Fact]
    public void Implied_volatility_increases_with_price()
    {
        var previous = 0.0;
        for (var price = 0.5; price < 90.0; price *= 1.05)
        {
            var sigma = ImpliedVolatility.Solve(Parameters(OptionType.Call, 120.0, price));
            Assert.True(sigma > previous, $"K=120 price={price:R}: {sigma:R} not above {previous:R}");
            previous = sigma;
        }
    }

    [Fact]
    public void Repeated_solves_give_identical_bits()
    {
        var parameters = Parameters(OptionType.Put, 80.0, 1e-9);
        var first = ImpliedVolatility.Calculate(parameters);
        for (var i = 0; i < 10; i++)
        {
            var again = ImpliedVolatility.Calculate(parameters);
            Assert.Equal(BitConverter.DoubleToInt64Bits(first.Volatility), BitConverter.DoubleToInt64Bits(again.Volatility));
        }

        Assert.Equal(ImpliedVolatilityStatus.Solved, first.Status);
        Assert.Equal(2, first.Iterations);
    }

    [Theory]
    [InlineData(-1.0, 0.05)]
    [InlineData(-1.0, 10.0)]
    [InlineData(0.0, 1e-8)]
    [InlineData(0.0, 8.0)]
    [InlineData(3.0, 0.5)]
    [InlineData(-30.0, 1.5)]
    public void Normalised_value_is_monotone_in_total_volatility(double x, double s)
    {
        foreach (var type in new[] { OptionType.Call, OptionType.Put })
        {
            // Strictly increasing out of the money; in the money the time value may sit below one ulp of intrinsic.
            var outOfTheMoney = (type == OptionType.Call) == (x <= 0);
            var lower = NormalisedBlack.Value(x, s, type);
            var upper = NormalisedBlack.Value(x, s * 1.001, type);
            Assert.True(outOfTheMoney ? upper > lower : upper >= lower, $"x={x:R} s={s:R} {type}: b={lower:R}, b(1.001 s)={upper:R}");
            Assert.True(NormalisedBlack.Vega(x, s) > 0, $"x={x:R} s={s:R}: vega not positive");
        }
    }

    [Fact]
    public void Normalised_value_limits_are_intrinsic_and_maximum()
    {
        // Intrinsic 2·sinh(|x|/2) (reference: the platform's sinh, 1 ulp) and the upper bound e^(θx/2).
        Assert.Equal(0.0, NormalisedBlack.Value(-0.5, 0.0, OptionType.Call));
        AssertRelative(2.0 * Math.Sinh(0.25), NormalisedBlack.Value(0.5, 0.0, OptionType.Call), 4 * Epsilon);
        AssertRelative(2.0 * Math.Sinh(1e-7), NormalisedBlack.Value(-2e-7, 0.0, OptionType.Put), 4 * Epsilon);
        AssertRelative(2.0 * Math.Sinh(3.0), NormalisedBlack.Value(6.0, 0.0, OptionType.Call), 4 * Epsilon);
        AssertRelative(Math.Exp(-0.25), NormalisedBlack.Value(-0.5, double.PositiveInfinity, OptionType.Call), 4 * Epsilon);
        AssertRelative(Math.Exp(0.25), NormalisedBlack.Value(-0.5, double.PositiveInfinity, OptionType.Put), 4 * Epsilon);
    }

    private static void AssertRelative(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    private static double Price(OptionType type, double strike, double sigma)
    {
        var p = Parameters(type, strike, 0.0);
        return ImpliedVolatilityGridTests.Reprice(p, sigma);
    }

    private static double Vega(double strike, double sigma)
    {
        // ∂V/∂σ = √(DF·DK)·√T·b_s(x, σ√T).
        var p = Parameters(OptionType.Call, strike, 0.0);
        var discountedForward = p.Spot * Math.Exp(-p.DividendYield * p.ExpiryYears);
        var discountedStrike = p.Strike * Math.Exp(-p.Rate * p.ExpiryYears);
        var x = Math.Log(discountedForward / discountedStrike);
        var sqrtT = Math.Sqrt(p.ExpiryYears);
        return Math.Sqrt(discountedForward * discountedStrike) * sqrtT * NormalisedBlack.Vega(x, sigma * sqrtT);
    }

    private static ImpliedVolatilityParameters Parameters(OptionType type, double strike, double price) =>
        new(type, 100.0, strike, 0.75, 0.03, 0.01, price);
}
