using System.Globalization;
using System.Runtime.CompilerServices;
using Assay.Numerics;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Volatility;

/// <summary>Black–Scholes–Merton and Black-76 implied volatility to machine precision ("Let's Be Rational").</summary>
/// <remarks>
/// <para>
/// Method: P. Jäckel, "Let's Be Rational", Wilmott 2016, pp. 40–53 (preprint 2013). The price is reduced to an
/// out-of-the-money normalised call β = b(x, s, +1), x = −|ln(F/K)| ≤ 0, by subtracting the intrinsic value in
/// price units. A four-branch initial guess (rational cubic interpolation of s or of a transformed s) is refined
/// by two Householder steps of order 4 on a branch-specific objective; see <c>docs/pricing-implied-volatility.md</c>.
/// </para>
/// <para>
/// No-arbitrage bounds: intrinsic ≤ price &lt; upper, with intrinsic = max(θ(S·e^(−qT) − K·e^(−rT)), 0) and
/// upper = S·e^(−qT) (call) or K·e^(−rT) (put). A price outside them yields a status and the bounds, never a
/// number. The result does not allocate.
/// </para>
/// </remarks>
public static partial class ImpliedVolatility
{
    /// <summary>Solves for the Black–Scholes–Merton volatility and reports the status and the no-arbitrage bounds.</summary>
    /// <param name="parameters">Option type, S, K, T, r, q and the price; see <see cref="ImpliedVolatilityParameters"/>.</param>
    /// <returns>The volatility per year^(−1/2) with its status, the price bounds and the Householder steps taken.</returns>
    /// <exception cref="PricingInputException">An input is not finite or out of range (the message names the field).</exception>
    public static ImpliedVolatilityResult Calculate(in ImpliedVolatilityParameters parameters)
    {
        GuardInputs(parameters);

        var discountedForward = parameters.Spot * DMath.Exp(-parameters.DividendYield * parameters.ExpiryYears);
        var discountedStrike = parameters.Strike * DMath.Exp(-parameters.Rate * parameters.ExpiryYears);
        RequireUsable(discountedForward, "q");
        RequireUsable(discountedStrike, "r");
        return SolveDiscounted(parameters.Type, discountedForward, discountedStrike, parameters.ExpiryYears, parameters.Price);
    }

    /// <summary>Solves for the Black–Scholes–Merton volatility or throws when the price admits none.</summary>
    /// <param name="parameters">Option type, S, K, T, r, q and the price; see <see cref="ImpliedVolatilityParameters"/>.</param>
    /// <returns>The volatility; 0 when the price equals the intrinsic value.</returns>
    /// <exception cref="PricingInputException">
    /// An input is invalid, or the price is below the intrinsic value or at/above the upper bound (field <c>price</c>,
    /// the message states the bound).
    /// </exception>
    public static double Solve(in ImpliedVolatilityParameters parameters) => Unwrap(Calculate(parameters), parameters.Price);

    /// <summary>Solves for the Black-76 volatility of an option on a forward F, discounted at e^(−rT).</summary>
    /// <param name="type">Call or put.</param>
    /// <param name="forward">Forward price F &gt; 0 (field <c>F</c>).</param>
    /// <param name="strike">Strike K &gt; 0 (field <c>K</c>).</param>
    /// <param name="expiryYears">Time to expiry T &gt; 0 in years (field <c>T</c>).</param>
    /// <param name="rate">Continuously compounded discount rate r (field <c>r</c>).</param>
    /// <param name="price">The option's present value (field <c>price</c>).</param>
    /// <returns>The volatility with its status and the bounds e^(−rT)·max(θ(F − K), 0) and e^(−rT)·F (call) or e^(−rT)·K (put).</returns>
    /// <exception cref="PricingInputException">An input is not finite or out of range (the message names the field).</exception>
    public static ImpliedVolatilityResult SolveBlack76(OptionType type, double forward, double strike, double expiryYears, double rate, double price)
    {
        InputGuard.Positive(forward, "F");
        InputGuard.Positive(strike, "K");
        InputGuard.Positive(expiryYears, "T");
        InputGuard.Finite(rate, "r");
        InputGuard.Finite(price, "price");

        var discount = DMath.Exp(-rate * expiryYears);
        var discountedForward = forward * discount;
        var discountedStrike = strike * discount;
        RequireUsable(discountedForward, "r");
        RequireUsable(discountedStrike, "r");
        return SolveDiscounted(type, discountedForward, discountedStrike, expiryYears, price);
    }

    /// <summary>Solves for the Black-76 volatility; see <see cref="SolveBlack76(OptionType, double, double, double, double, double)"/>.</summary>
    /// <param name="parameters">Option type, F, K, T, r and the price.</param>
    /// <returns>The volatility with its status, the price bounds and the Householder steps taken.</returns>
    /// <exception cref="PricingInputException">An input is not finite or out of range (the message names the field).</exception>
    public static ImpliedVolatilityResult SolveBlack76(in Black76ImpliedVolatilityParameters parameters) =>
        SolveBlack76(parameters.Type, parameters.Forward, parameters.Strike, parameters.ExpiryYears, parameters.Rate, parameters.Price);

    /// <summary>Inverts the normalised Black function: the total volatility s = σ√T with b(x, s, θ) = β.</summary>
    /// <param name="beta">The normalised price β = price/√(DF·DK) (or undiscounted price/√(F·K)).</param>
    /// <param name="x">Log-moneyness ln(F/K), finite.</param>
    /// <param name="type">Call (θ = +1) or put (θ = −1).</param>
    /// <returns>
    /// s in <see cref="ImpliedVolatilityResult.Volatility"/>; the bounds are the normalised intrinsic value and
    /// e^(θx/2).
    /// </returns>
    /// <exception cref="PricingInputException">β or x is not finite (fields <c>price</c>, <c>x</c>).</exception>
    public static ImpliedVolatilityResult SolveNormalised(double beta, double x, OptionType type)
    {
        InputGuard.Finite(beta, "price");
        InputGuard.Finite(x, "x");
        var theta = type == OptionType.Call ? 1.0 : -1.0;
        var upper = DMath.Exp(0.5 * theta * x);
        var intrinsic = theta * x > 0 ? NormalisedBlack.Intrinsic(Math.Abs(x)) : 0.0;
        var status = Classify(beta, intrinsic, upper);
        if (status != ImpliedVolatilityStatus.Solved)
        {
            return Unsolved(status, intrinsic, upper);
        }

        var bMax = theta * x > 0 ? DMath.Exp(-0.5 * Math.Abs(x)) : upper;
        var s = SolveOutOfTheMoneyCall(beta - intrinsic, -Math.Abs(x), bMax, upper - beta, out var iterations);
        return new ImpliedVolatilityResult(s, ImpliedVolatilityStatus.Solved, intrinsic, upper, iterations);
    }

    /// <summary>The common solve on discounted forward DF = D·F and discounted strike DK = D·K.</summary>
    private static ImpliedVolatilityResult SolveDiscounted(OptionType type, double discountedForward, double discountedStrike, double expiryYears, double price)
    {
        var logRatio = DMath.Log(discountedForward / discountedStrike);
        if (!TryReduce(type, discountedForward, discountedStrike, logRatio, price, out var quote, out var unsolved))
        {
            return unsolved;
        }

        var s = SolveOutOfTheMoneyCall(quote.Beta, quote.X, quote.BMax, quote.BetaComplement, out var iterations);
        return new ImpliedVolatilityResult(s / Math.Sqrt(expiryYears), ImpliedVolatilityStatus.Solved, quote.Intrinsic, quote.Upper, iterations);
    }

    /// <summary>Checks the bounds and reduces a discounted quote to the normalised out-of-the-money call; false with the result when there is nothing to solve.</summary>
    /// <remarks><paramref name="logRatio"/> is ln(DF/DK) = <c>DMath.Log(DF / DK)</c>, passed in so that a batch can take it lane-wise.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryReduce(
        OptionType type,
        double discountedForward,
        double discountedStrike,
        double logRatio,
        double price,
        out ReducedQuote quote,
        out ImpliedVolatilityResult unsolved)
    {
        var isCall = type == OptionType.Call;
        var intrinsic = isCall
            ? Math.Max(discountedForward - discountedStrike, 0.0)
            : Math.Max(discountedStrike - discountedForward, 0.0);
        var upper = isCall ? discountedForward : discountedStrike;
        var status = Classify(price, intrinsic, upper);
        if (status != ImpliedVolatilityStatus.Solved)
        {
            quote = default;
            unsolved = Unsolved(status, intrinsic, upper);
            return false;
        }

        // Put–call parity in price units: the out-of-the-money option with the same strike is worth price − intrinsic;
        // the subtraction uses the same rounded intrinsic as the bound check, so it is positive here.
        var rootForward = Math.Sqrt(discountedForward);
        var rootStrike = Math.Sqrt(discountedStrike);
        var normaliser = rootForward * rootStrike;
        var beta = (price - intrinsic) / normaliser;
        var betaComplement = (upper - price) / normaliser;
        if (!(beta > 0))
        {
            // The time value underflows after normalisation: nothing distinguishes the price from intrinsic.
            quote = default;
            unsolved = new ImpliedVolatilityResult(0.0, ImpliedVolatilityStatus.AtIntrinsic, intrinsic, upper, 0);
            return false;
        }

        // b_max = e^(−|x|/2) = √min(DF, DK)/√max(DF, DK): three correctly rounded operations, no exponential.
        var bMax = Math.Min(rootForward, rootStrike) / Math.Max(rootForward, rootStrike);
        quote = new ReducedQuote(beta, -Math.Abs(logRatio), bMax, betaComplement, intrinsic, upper);
        unsolved = default;
        return true;
    }

    private static ImpliedVolatilityStatus Classify(double price, double intrinsic, double upper)
    {
        if (price < intrinsic)
        {
            return ImpliedVolatilityStatus.BelowIntrinsic;
        }

        if (price >= upper)
        {
            return ImpliedVolatilityStatus.AboveMaximum;
        }

        return price == intrinsic ? ImpliedVolatilityStatus.AtIntrinsic : ImpliedVolatilityStatus.Solved;
    }

    private static ImpliedVolatilityResult Unsolved(ImpliedVolatilityStatus status, double intrinsic, double upper) =>
        new(status == ImpliedVolatilityStatus.AtIntrinsic ? 0.0 : double.NaN, status, intrinsic, upper, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RequireUsable(double discounted, string field)
    {
        if (!(discounted > 0 && discounted <= double.MaxValue))
        {
            FailUnusable(discounted, field);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void FailUnusable(double discounted, string field) =>
        InputGuard.Fail(field, string.Create(
            CultureInfo.InvariantCulture,
            $"{field} makes the discounted forward or strike leave the double range (got {discounted:R}); reduce |{field}|·T"));

    private static double Unwrap(in ImpliedVolatilityResult result, double price)
    {
        switch (result.Status)
        {
            case ImpliedVolatilityStatus.BelowIntrinsic:
                InputGuard.Fail("price", string.Create(
                    CultureInfo.InvariantCulture,
                    $"price must be >= the intrinsic value {result.LowerBound:R} (got {price:R}); no volatility reproduces it"));
                break;
            case ImpliedVolatilityStatus.AboveMaximum:
                InputGuard.Fail("price", string.Create(
                    CultureInfo.InvariantCulture,
                    $"price must be < the upper bound {result.UpperBound:R} (S·e^(-qT) for a call, K·e^(-rT) for a put; got {price:R}); no finite volatility reproduces it"));
                break;
            default:
                break;
        }

        return result.Volatility;
    }
}
