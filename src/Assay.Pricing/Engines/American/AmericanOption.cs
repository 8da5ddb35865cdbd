using System.Globalization;
using System.Runtime.CompilerServices;
using Assay.Pricing.Engines.Lattice;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Engines.American;

/// <summary>Fast, accurate American vanilla option prices and Greeks under Black–Scholes–Merton.</summary>
/// <remarks>
/// <para>
/// Calls are priced as puts by McDonald–Schroder put–call symmetry C(S, K, r, q, σ) = P(K, S, q, r, σ). For the
/// put with rate r' and yield q': if r' &gt; 0 the Andersen–Lake–Offengelds (2016) fixed-point method is used
/// (<see cref="AloScheme.Default"/>: 8 Chebyshev intervals, 4 FP-B iterations from a QD+ start, Gauss–Legendre
/// orders 8 and 20 in θ) when κ = max(r', |r' − q'|)·√T/σ ≤ 5 and the last FP-B sweep contracted (its largest change
/// at most half the previous one); otherwise FP-A on <see cref="AloScheme.Stable"/> (16 intervals, 16 sweeps, orders
/// 16 and 64). If FP-A does not settle, the result is not finite or breaks P_E ≤ P ≤ K, the Leisen–Reimer tree is
/// used; for κ &gt; 20 (the premium lives too close to expiry for either quadrature or lattice) an option beyond the
/// perpetual boundary is worth its intrinsic value and anything else is refused with a
/// <see cref="PricingInputException"/> naming <c>sigma</c>. If r' ≤ 0 and q' ≥ r' early exercise is never optimal
/// (rK − qS ≤ 0 wherever the put is in the money) and the European price is returned; if q' &lt; r' ≤ 0 the exercise
/// region can have two boundaries, which the method does not cover, and the Leisen–Reimer tree with
/// <see cref="FallbackSteps"/> steps and Richardson extrapolation is used instead (slower, a few 1e-4 relative).
/// </para>
/// <para>
/// Greeks: delta and gamma are the exact spot derivatives of the engine's premium integral for a fixed boundary
/// (the boundary does not depend on spot), mapped to calls through the degree-one homogeneity of the price in
/// (S, K). Theta, vega and rho are central bump-and-reprice differences with relative steps
/// <see cref="ExpiryRelativeBump"/> and <see cref="VolatilityRelativeBump"/> and absolute step
/// <see cref="RateBump"/>; the price is a smooth function of these inputs for a fixed discretisation, so the
/// difference error is O(h²). A rate step that would cross into another regime is replaced by a one-sided
/// second-order difference.
/// </para>
/// </remarks>
public static class AmericanOption
{
    /// <summary>Lattice steps used where the fast method does not apply (double-boundary regime).</summary>
    public const int FallbackSteps = 1001;

    /// <summary>Relative step in T for theta.</summary>
    public const double ExpiryRelativeBump = 1e-4;

    /// <summary>Relative step in sigma for vega.</summary>
    public const double VolatilityRelativeBump = 1e-4;

    /// <summary>Absolute step in r for rho.</summary>
    public const double RateBump = 1e-5;

    /// <summary>Present value of the American option described by <paramref name="p"/>.</summary>
    /// <exception cref="PricingInputException">An input is outside its allowed range (see <see cref="AmericanParameters"/>), or sigma is too small for r, q and T (κ &gt; 20, see remarks).</exception>
    public static double Price(in AmericanParameters p)
    {
        p.Validate();
        return Value(p).Price;
    }

    /// <summary>Price and Greeks of the American option described by <paramref name="p"/>.</summary>
    /// <exception cref="PricingInputException">An input is outside its allowed range (see <see cref="AmericanParameters"/>).</exception>
    public static AmericanResult Greeks(in AmericanParameters p)
    {
        p.Validate();
        var regime = Classify(p.Type, p.Rate, p.DividendYield);
        if (regime == ExerciseRegime.NeverExercised)
        {
            return EuropeanBlack.Greeks(p.Type, p.Spot, p.Strike, p.ExpiryYears, p.Rate, p.DividendYield, p.Volatility);
        }

        if (regime == ExerciseRegime.DoubleBoundary)
        {
            var tree = BinomialTree.Greeks(Lattice(p));
            return new AmericanResult(tree.Price, tree.Delta, tree.Gamma, tree.Vega, tree.Theta, tree.Rho);
        }

        var centre = Value(p);

        var hT = ExpiryRelativeBump * p.ExpiryYears;
        var theta = -(Value(p with { ExpiryYears = p.ExpiryYears + hT }).Price
            - Value(p with { ExpiryYears = p.ExpiryYears - hT }).Price) / (2.0 * hT);

        var hSigma = VolatilityRelativeBump * p.Volatility;
        var vega = (Value(p with { Volatility = p.Volatility + hSigma }).Price
            - Value(p with { Volatility = p.Volatility - hSigma }).Price) / (2.0 * hSigma);

        return new AmericanResult(centre.Price, centre.Delta, centre.Gamma, vega, theta, Rho(p, regime, centre.Price));
    }

    private static double Rho(in AmericanParameters p, ExerciseRegime regime, double centre)
    {
        const double H = RateBump;
        var upSame = Classify(p.Type, p.Rate + H, p.DividendYield) == regime
            && Classify(p.Type, p.Rate + (2 * H), p.DividendYield) == regime;
        var downSame = Classify(p.Type, p.Rate - H, p.DividendYield) == regime
            && Classify(p.Type, p.Rate - (2 * H), p.DividendYield) == regime;
        if (upSame && downSame)
        {
            return (Value(p with { Rate = p.Rate + H }).Price - Value(p with { Rate = p.Rate - H }).Price) / (2.0 * H);
        }

        // One-sided second-order difference (−3f(0) + 4f(h) − f(2h))/(2h) on the side that stays in this regime.
        var sign = upSame ? 1.0 : -1.0;
        var f1 = Value(p with { Rate = p.Rate + (sign * H) }).Price;
        var f2 = Value(p with { Rate = p.Rate + (2 * sign * H) }).Price;
        return sign * ((-3.0 * centre) + (4.0 * f1) - f2) / (2.0 * H);
    }

    /// <summary>The regime of the put-equivalent (rate r', yield q') of an option with rate r and yield q.</summary>
    internal static ExerciseRegime Classify(OptionType type, double r, double q)
    {
        var (putRate, putYield) = type == OptionType.Put ? (r, q) : (q, r);
        return putRate > 0.0 ? ExerciseRegime.SingleBoundary
            : putYield >= putRate ? ExerciseRegime.NeverExercised
            : ExerciseRegime.DoubleBoundary;
    }

    private static PutValue Value(in AmericanParameters p)
    {
        var s = p.Spot;
        var k = p.Strike;
        var t = p.ExpiryYears;
        var r = p.Rate;
        var q = p.DividendYield;
        var sigma = p.Volatility;
        switch (Classify(p.Type, r, q))
        {
            case ExerciseRegime.NeverExercised:
            {
                var e = EuropeanBlack.Greeks(p.Type, s, k, t, r, q, sigma);
                return new PutValue(e.Price, e.Delta, e.Gamma);
            }

            case ExerciseRegime.DoubleBoundary:
            {
                var tree = BinomialTree.Extrapolated(Lattice(p));
                return new PutValue(tree.Price, tree.Delta, tree.Gamma);
            }

            default:
            {
                // Put-equivalent by symmetry: a call is the put with spot K, strike S, rate q and yield r.
                var isPut = p.Type == OptionType.Put;
                var (putSpot, putStrike, putRate, putYield) = isPut ? (s, k, r, q) : (k, s, q, r);
                if (!AndersenLakeOffengelds.TryPut(putSpot, putStrike, t, putRate, putYield, sigma, out var put, out _))
                {
                    return Fallback(p, t, putRate, putYield, sigma);
                }

                if (isPut)
                {
                    return put;
                }

                // C(S, K, r, q) = P(K, S, q, r). With P'(x, y) the symmetric put (spot x = K, strike y = S),
                // homogeneity P' = x∂ₓP' + y∂ᵧP' gives ∂C/∂S = ∂ᵧP' = (P' − K∂ₓP')/S and ∂²C/∂S² = K²∂ₓₓP'/S².
                var ratio = k / s;
                return new PutValue(put.Price, (put.Price / s) - (ratio * put.Delta), ratio * ratio * put.Gamma);
            }
        }
    }

    /// <summary>The last resort where neither fixed-point form gives a trustworthy price: the lattice, or an error.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PutValue Fallback(in AmericanParameters p, double t, double putRate, double putYield, double sigma)
    {
        var resolution = AndersenLakeOffengelds.Resolution(t, putRate, putYield, sigma);
        if (!(resolution <= AndersenLakeOffengelds.ResolutionMax))
        {
            // The put boundary falls with time to expiry towards the perpetual one, B(τ) ≥ B∞ = Kλ/(λ − 1) (λ the
            // negative root of λ² + (β − 1)λ − α = 0), so at or beyond B∞ exercising now is optimal at every τ.
            var isPut = p.Type == OptionType.Put;
            var (putSpot, putStrike) = isPut ? (p.Spot, p.Strike) : (p.Strike, p.Spot);
            var sigma2 = sigma * sigma;
            var alpha = 2.0 * putRate / sigma2;
            var b = (2.0 * (putRate - putYield) / sigma2) - 1.0;
            var d = Math.Sqrt((b * b) + (4.0 * alpha));
            var lambda = b >= 0 ? -0.5 * (b + d) : -2.0 * alpha / (d - b);
            if (putSpot <= putStrike * lambda / (lambda - 1.0))
            {
                return isPut ? new PutValue(p.Strike - p.Spot, -1.0, 0.0) : new PutValue(p.Spot - p.Strike, 1.0, 0.0);
            }

            // Neither the premium quadrature nor the lattice (its up probability saturates) resolves an exercise
            // premium this concentrated in time; refusing is better than a silent wrong number.
            InputGuard.Fail(
                "sigma",
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"sigma = {sigma:R} is too small for this rate and expiry: max(r', |r' - q'|)*sqrt(T)/sigma = {resolution:G4} must be <= {AndersenLakeOffengelds.ResolutionMax:R} (r', q' are the rate and yield of the put-equivalent)"));
        }

        var tree = BinomialTree.Extrapolated(Lattice(p));
        return new PutValue(tree.Price, tree.Delta, tree.Gamma);
    }

    private static BinomialTreeParameters Lattice(in AmericanParameters p) =>
        new(p.Type, ExerciseStyle.American, p.Spot, p.Strike, p.ExpiryYears, p.Rate, p.DividendYield, p.Volatility,
            BinomialScheme.LeisenReimer, FallbackSteps, Richardson: true);
}
