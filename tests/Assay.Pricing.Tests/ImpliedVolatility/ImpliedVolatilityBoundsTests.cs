using Assay.Numerics;
using Assay.Pricing.Instruments;
using Assay.Pricing.Volatility;

namespace Assay.Pricing.Tests.Volatility;

/// <summary>No-arbitrage bounds, statuses and input validation of the implied-volatility API.</summary>
public sealed class ImpliedVolatilityBoundsTests
{
    private const double Spot = 100.0;
    private const double Strike = 90.0;
    private const double Expiry = 0.5;
    private const double Rate = 0.05;
    private const double Dividend = 0.02;

    private static double DiscountedForward => Spot * DMath.Exp(-Dividend * Expiry);

    private static double DiscountedStrike => Strike * DMath.Exp(-Rate * Expiry);

    [Theory]
    [InlineData(OptionType.Call)]
    [InlineData(OptionType.Put)]
    public void Price_below_intrinsic_reports_the_lower_bound(OptionType type)
    {
        var intrinsic = type == OptionType.Call ? DiscountedForward - DiscountedStrike : 0.0;
        var price = type == OptionType.Call ? intrinsic * 0.999 : -1e-3;
        var result = ImpliedVolatility.Calculate(Parameters(type, price));
        Assert.Equal(ImpliedVolatilityStatus.BelowIntrinsic, result.Status);
        Assert.True(double.IsNaN(result.Volatility), $"{type} price={price:R}: volatility {result.Volatility:R}");
        Assert.Equal(intrinsic, result.LowerBound, 14);
        Assert.Equal(type == OptionType.Call ? DiscountedForward : DiscountedStrike, result.UpperBound, 14);
        Assert.Equal(0, result.Iterations);
    }

    [Theory]
    [InlineData(OptionType.Call, 1.0)]
    [InlineData(OptionType.Call, 1.5)]
    [InlineData(OptionType.Put, 1.0)]
    [InlineData(OptionType.Put, 3.0)]
    public void Price_at_or_above_the_upper_bound_reports_it(OptionType type, double multiple)
    {
        var upper = type == OptionType.Call ? DiscountedForward : DiscountedStrike;
        var result = ImpliedVolatility.Calculate(Parameters(type, upper * multiple));
        Assert.Equal(ImpliedVolatilityStatus.AboveMaximum, result.Status);
        Assert.True(double.IsNaN(result.Volatility), $"{type} x{multiple}: volatility {result.Volatility:R}");
        Assert.Equal(upper, result.UpperBound);
    }

    [Theory]
    [InlineData(OptionType.Call)]
    [InlineData(OptionType.Put)]
    public void Price_equal_to_intrinsic_gives_zero_volatility(OptionType type)
    {
        // The call is in the money (intrinsic > 0), the put out of the money (intrinsic 0).
        var intrinsic = type == OptionType.Call ? DiscountedForward - DiscountedStrike : 0.0;
        var result = ImpliedVolatility.Calculate(Parameters(type, intrinsic));
        Assert.Equal(ImpliedVolatilityStatus.AtIntrinsic, result.Status);
        Assert.Equal(0.0, result.Volatility);
        Assert.Equal(0.0, ImpliedVolatility.Solve(Parameters(type, intrinsic)));
    }

    [Fact]
    public void Solve_throws_naming_price_and_the_bound()
    {
        var below = Assert.Throws<PricingInputException>(() => ImpliedVolatility.Solve(Parameters(OptionType.Call, 1.0)));
        Assert.Equal("price", below.Field);
        Assert.Contains("intrinsic value", below.Message, StringComparison.Ordinal);
        Assert.Contains((DiscountedForward - DiscountedStrike).ToString("R", System.Globalization.CultureInfo.InvariantCulture), below.Message, StringComparison.Ordinal);

        var above = Assert.Throws<PricingInputException>(() => ImpliedVolatility.Solve(Parameters(OptionType.Put, 200.0)));
        Assert.Equal("price", above.Field);
        Assert.Contains("upper bound", above.Message, StringComparison.Ordinal);
        Assert.Contains(DiscountedStrike.ToString("R", System.Globalization.CultureInfo.InvariantCulture), above.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("S", 0.0, 90.0, 0.5, 0.05, 0.02, 10.0)]
    [InlineData("S", double.NaN, 90.0, 0.5, 0.05, 0.02, 10.0)]
    [InlineData("K", 100.0, -1.0, 0.5, 0.05, 0.02, 10.0)]
    [InlineData("T", 100.0, 90.0, 0.0, 0.05, 0.02, 10.0)]
    [InlineData("T", 100.0, 90.0, double.PositiveInfinity, 0.05, 0.02, 10.0)]
    [InlineData("r", 100.0, 90.0, 0.5, double.NaN, 0.02, 10.0)]
    [InlineData("q", 100.0, 90.0, 0.5, 0.05, double.NegativeInfinity, 10.0)]
    [InlineData("price", 100.0, 90.0, 0.5, 0.05, 0.02, double.NaN)]
    [InlineData("r", 100.0, 90.0, 10.0, -100.0, 0.02, 10.0)]
    public void Invalid_inputs_name_the_field(string field, double spot, double strike, double expiry, double rate, double dividend, double price)
    {
        var parameters = new ImpliedVolatilityParameters(OptionType.Call, spot, strike, expiry, rate, dividend, price);
        var error = Assert.Throws<PricingInputException>(() => ImpliedVolatility.Calculate(parameters));
        Assert.Equal(field, error.Field);
        Assert.StartsWith(field + " ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("F", -1.0, 90.0, 0.5, 0.05, 1.0)]
    [InlineData("K", 100.0, 0.0, 0.5, 0.05, 1.0)]
    [InlineData("T", 100.0, 90.0, -0.5, 0.05, 1.0)]
    [InlineData("r", 100.0, 90.0, 0.5, double.PositiveInfinity, 1.0)]
    [InlineData("price", 100.0, 90.0, 0.5, 0.05, double.PositiveInfinity)]
    public void Black76_invalid_inputs_name_the_field(string field, double forward, double strike, double expiry, double rate, double price)
    {
        var error = Assert.Throws<PricingInputException>(() => ImpliedVolatility.SolveBlack76(OptionType.Put, forward, strike, expiry, rate, price));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Black76_bounds_are_discounted_forward_and_strike()
    {
        const double forward = 105.0;
        var discount = DMath.Exp(-Rate * Expiry);
        var call = ImpliedVolatility.SolveBlack76(new Black76ImpliedVolatilityParameters(OptionType.Call, forward, Strike, Expiry, Rate, 1.0));
        Assert.Equal(ImpliedVolatilityStatus.BelowIntrinsic, call.Status);
        Assert.Equal((forward * discount) - (Strike * discount), call.LowerBound, 12);
        Assert.Equal(forward * discount, call.UpperBound);
        var put = ImpliedVolatility.SolveBlack76(OptionType.Put, forward, Strike, Expiry, Rate, Strike * discount);
        Assert.Equal(ImpliedVolatilityStatus.AboveMaximum, put.Status);
    }

    [Fact]
    public void Normalised_solver_reports_bounds()
    {
        var belowZero = ImpliedVolatility.SolveNormalised(-1e-3, -0.1, OptionType.Call);
        Assert.Equal(ImpliedVolatilityStatus.BelowIntrinsic, belowZero.Status);
        var atMax = ImpliedVolatility.SolveNormalised(DMath.Exp(-0.05), -0.1, OptionType.Call);
        Assert.Equal(ImpliedVolatilityStatus.AboveMaximum, atMax.Status);
        var zero = ImpliedVolatility.SolveNormalised(0.0, -0.1, OptionType.Call);
        Assert.Equal(ImpliedVolatilityStatus.AtIntrinsic, zero.Status);
        Assert.Throws<PricingInputException>(() => ImpliedVolatility.SolveNormalised(0.1, double.NaN, OptionType.Put));
    }

    private static ImpliedVolatilityParameters Parameters(OptionType type, double price) =>
        new(type, Spot, Strike, Expiry, Rate, Dividend, price);
}
