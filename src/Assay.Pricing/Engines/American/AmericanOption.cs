using System.Runtime.CompilerServices;
using Assay.Pricing.Engines.FiniteDifference;
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
/// 16 and 64). If FP-A does not settle, the result is not finite, breaks P_E ≤ P ≤ K, or κ &gt; 20 (the premium lives
/// too close to expiry for the quadrature), an option beyond the perpetual boundary is worth its intrinsic value
/// (exactly) and anything else is priced by the Crank–Nicolson finite-difference engine
/// <see cref="FiniteDifferenceAmerican"/> on its default grid. If r' ≤ 0 and q' ≥ r' early exercise is never optimal
/// (rK − qS ≤ 0 wherever the put is in the money) and the European price is returned; if q' &lt; r' ≤ 0 the exercise
/// region can have two boundaries, which the integral method does not cover, and the finite-difference engine is used.
/// </para>
/// <para>
/// Greeks: delta and gamma are the exact spot derivatives of the engine's premium integral for a fixed boundary
/// (the boundary does not depend on spot), mapped to calls through the degree-one homogeneity of the price in
/// (S, K). Theta, vega and rho are central bump-and-reprice differences with relative steps
/// <see cref="ExpiryRelativeBump"/> and <see cref="VolatilityRelativeBump"/> and absolute step
/// <see cref="RateBump"/>; the price is a smooth function of these inputs for a fixed discretisation, so the
/// difference error is O(h²). A rate step that would cross into another regime is replaced by a one-sided
/// second-order difference. Where the finite-difference engine prices the option itself (double-boundary regime, or
/// the fast method failed at the given inputs) all Greeks come from <see cref="FiniteDifferenceAmerican.Greeks"/>.
/// </para>
/// </remarks>
public static class AmericanOption
{
    /// <summary>Relative step in T for theta.</summary>
    public const double ExpiryRelativeBump = 1e-4;

    /// <summary>Relative step in sigma for vega.</summary>
    public const double VolatilityRelativeBump = 1e-4;

    /// <summary>Absolute step in r for rho.</summary>
    public const double RateBump = 1e-5;

    /// <summary>Present value of the American option described by <paramref name="p"/>.</summary>
    /// <exception cref="PricingInputException">An input is outside its allowed range (see <see cref="AmericanParameters"/>).</exception>
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

        if (regime == ExerciseRegime.DoubleBoundary || !TrySingleBoundary(p, out var centre))
        {
            return FiniteDifferenceAmerican.Greeks(p);
        }

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
        switch (Classify(p.Type, p.Rate, p.DividendYield))
        {
            case ExerciseRegime.NeverExercised:
            {
                var e = EuropeanBlack.Greeks(p.Type, p.Spot, p.Strike, p.ExpiryYears, p.Rate, p.DividendYield, p.Volatility);
                return new PutValue(e.Price, e.Delta, e.Gamma);
            }

            case ExerciseRegime.DoubleBoundary:
                return FiniteDifference(p);

            default:
                return TrySingleBoundary(p, out var value) ? value : FiniteDifference(p);
        }
    }

    /// <summary>The single-boundary regime by the fast method, or exactly where the spot is beyond the perpetual boundary.</summary>
    /// <returns>False where neither applies and the finite-difference engine must price the option.</returns>
    private static bool TrySingleBoundary(in AmericanParameters p, out PutValue value)
    {
        var s = p.Spot;
        var k = p.Strike;
        var t = p.ExpiryYears;
        var sigma = p.Volatility;

        // Put-equivalent by symmetry: a call is the put with spot K, strike S, rate q and yield r.
        var isPut = p.Type == OptionType.Put;
        var (putSpot, putStrike, putRate, putYield) = isPut ? (s, k, p.Rate, p.DividendYield) : (k, s, p.DividendYield, p.Rate);
        if (!AndersenLakeOffengelds.TryPut(putSpot, putStrike, t, putRate, putYield, sigma, out var put, out _))
        {
            return BeyondPerpetualBoundary(p, t, putRate, putYield, sigma, out value);
        }

        if (isPut)
        {
            value = put;
            return true;
        }

        // C(S, K, r, q) = P(K, S, q, r). With P'(x, y) the symmetric put (spot x = K, strike y = S),
        // homogeneity P' = x∂ₓP' + y∂ᵧP' gives ∂C/∂S = ∂ᵧP' = (P' − K∂ₓP')/S and ∂²C/∂S² = K²∂ₓₓP'/S².
        var ratio = k / s;
        value = new PutValue(put.Price, (put.Price / s) - (ratio * put.Delta), ratio * ratio * put.Gamma);
        return true;
    }

    /// <summary>Where the fast method failed with κ &gt; 20: the exact intrinsic value if the spot is beyond the perpetual boundary.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool BeyondPerpetualBoundary(in AmericanParameters p, double t, double putRate, double putYield, double sigma, out PutValue value)
    {
        value = default;
        var resolution = AndersenLakeOffengelds.Resolution(t, putRate, putYield, sigma);
        if (resolution <= AndersenLakeOffengelds.ResolutionMax)
        {
            return false;
        }

        // The put boundary falls with time to expiry towards the perpetual one, B(τ) ≥ B∞ = Kλ/(λ − 1) (λ the
        // negative root of λ² + (β − 1)λ − α = 0), so at or beyond B∞ exercising now is optimal at every τ.
        var isPut = p.Type == OptionType.Put;
        var (putSpot, putStrike) = isPut ? (p.Spot, p.Strike) : (p.Strike, p.Spot);
        var sigma2 = sigma * sigma;
        var alpha = 2.0 * putRate / sigma2;
        var b = (2.0 * (putRate - putYield) / sigma2) - 1.0;
        var d = Math.Sqrt((b * b) + (4.0 * alpha));
        var lambda = b >= 0 ? -0.5 * (b + d) : -2.0 * alpha / (d - b);
        if (!(putSpot <= putStrike * lambda / (lambda - 1.0)))
        {
            return false;
        }

        value = isPut ? new PutValue(p.Strike - p.Spot, -1.0, 0.0) : new PutValue(p.Spot - p.Strike, 1.0, 0.0);
        return true;
    }

    /// <summary>Price, delta and gamma from the finite-difference engine on its default grid.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PutValue FiniteDifference(in AmericanParameters p)
    {
        var fd = FiniteDifferenceAmerican.Price(p);
        return new PutValue(fd.Price, fd.Delta, fd.Gamma);
    }
}
