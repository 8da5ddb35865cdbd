using System.Runtime.CompilerServices;
using Assay.Numerics;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Volatility;

/// <summary>The normalised Black function b(x, s, θ) = θ·[e^(x/2)·Φ(θ(x/s + s/2)) − e^(−x/2)·Φ(θ(x/s − s/2))].</summary>
/// <remarks>
/// <para>
/// Conventions of Jäckel, "Let's Be Rational", Wilmott 2016 (preprint 2013), §2–3: x = ln(F/K) is the
/// log-moneyness, s = σ·√T the total (standard-deviation) volatility and θ = +1 for a call, −1 for a put. The
/// undiscounted Black price is √(F·K)·b(x, s, θ); the discounted price is D·√(F·K)·b = √(DF·DK)·b with
/// DF = D·F and DK = D·K.
/// </para>
/// <para>
/// Evaluation reduces to the out-of-the-money call (x ≤ 0) by put–call symmetry and parity, then picks one of
/// four regions in h = x/s and t = s/2 (paper §3): an asymptotic expansion for h + t &lt; −10, a Taylor
/// expansion in t for t &lt; 0.2, the plain Φ form when h + t &gt; 0.85 and the erfcx form elsewhere. The
/// Gaussian factor e^(−(h²+t²)/2) is formed from a double-double exponent so that values down to ~1e−300 keep
/// their relative accuracy. Relative accuracy is near machine precision; where the function itself is
/// ill-conditioned (|h| ≈ 10 with small t, where the relative condition number in x and s is about h²) the error
/// is a small multiple of that condition number times 2⁻⁵³.
/// </para>
/// </remarks>
public static partial class NormalisedBlack
{
    /// <summary>1/√(2π).</summary>
    internal const double InvSqrtTwoPi = 0.3989422804014326779399460599343818684758586311649;

    /// <summary>√(π/2), so that Φ(z)/φ(z) = √(π/2)·erfcx(−z/√2).</summary>
    internal const double SqrtPiOverTwo = 1.2533141373155002512078826424055226265034933703050;

    /// <summary>1/√2.</summary>
    internal const double InvSqrtTwo = 0.70710678118654752440084436210484903928483593768847;

    /// <summary>Below this h = x/s the out-of-the-money value is below the smallest subnormal double.</summary>
    private const double UnderflowH = -39.0;

    /// <summary>The asymptotic expansion is used when both h + t and h − t lie below this bound (paper's η).</summary>
    private const double AsymptoticThreshold = -10.0;

    /// <summary>The Taylor expansion in t is used below this t = s/2 (paper's τ, here 0.2).</summary>
    private const double SmallTThreshold = 0.2;

    /// <summary>Above this h + t the first Black term dominates and the Φ form is used.</summary>
    private const double CdfThreshold = 0.85;

    /// <summary>The normalised Black value b(x, s, θ).</summary>
    /// <param name="x">Log-moneyness ln(F/K).</param>
    /// <param name="s">Total volatility σ·√T, ≥ 0.</param>
    /// <param name="type">Call (θ = +1) or put (θ = −1).</param>
    /// <returns>The option value divided by √(F·K) (undiscounted) or by √(DF·DK) (discounted).</returns>
    /// <remarks>s = 0 gives the intrinsic value, s = +∞ the upper bound e^(θx/2).</remarks>
    public static double Value(double x, double s, OptionType type)
    {
        var theta = type == OptionType.Call ? 1.0 : -1.0;
        var xOtm = -Math.Abs(x);
        var otm = OutOfTheMoneyCall(xOtm, s);
        return theta * x > 0 ? Intrinsic(Math.Abs(x)) + otm : otm;
    }

    /// <summary>The normalised vega ∂b/∂s = e^(−(h² + t²)/2)/√(2π) with h = x/s, t = s/2 (the same for calls and puts).</summary>
    /// <param name="x">Log-moneyness ln(F/K).</param>
    /// <param name="s">Total volatility σ·√T, ≥ 0.</param>
    /// <returns>The derivative per unit of s; the price vega per unit of σ is √(DF·DK)·√T times this.</returns>
    public static double Vega(double x, double s)
    {
        if (!(s > 0))
        {
            return x == 0 && s == 0 ? InvSqrtTwoPi : 0.0;
        }

        var h = x / s;
        var t = 0.5 * s;
        return InvSqrtTwoPi * DMath.Exp(-0.5 * ((h * h) + (t * t)));
    }

    /// <summary>The normalised intrinsic value e^(y/2) − e^(−y/2) = 2·sinh(y/2) of an in-the-money option, y = |x| ≥ 0.</summary>
    internal static double Intrinsic(double y)
    {
        var z = 0.5 * y;
        if (z > 0.5)
        {
            // Cancellation costs at most a factor e^z/(e^z − e^(−z)) ≈ 1.6 (at z = 1/2) here.
            var e = DMath.Exp(z);
            return e - (1.0 / e);
        }

        // 2·sinh(z) by its Taylor series (odd terms up to z¹⁷, truncation below 1e−17 relative for z ≤ 1/2),
        // so that small log-moneyness keeps full relative accuracy without relying on e^z − 1.
        var w = z * z;
        var series = 1.0 + (w / 272.0);
        series = 1.0 + (w / 210.0 * series);
        series = 1.0 + (w / 156.0 * series);
        series = 1.0 + (w / 110.0 * series);
        series = 1.0 + (w / 72.0 * series);
        series = 1.0 + (w / 42.0 * series);
        series = 1.0 + (w / 20.0 * series);
        series = 1.0 + (w / 6.0 * series);
        return 2.0 * z * series;
    }

    /// <summary>b(x, s, +1) for x ≤ 0: the out-of-the-money normalised call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double OutOfTheMoneyCall(double x, double s) => OutOfTheMoneyCall(x, s, out _);

    /// <summary>b(x, s, +1) for x ≤ 0 together with the vega ∂b/∂s, both from one Gaussian factor.</summary>
    /// <remarks>
    /// The vega is e^(−(h²+t²)/2)/√(2π); regions I, II and IV carry that factor already and region III has it as
    /// e^(x/2)·φ(h + t), so the derivative costs no further exponential.
    /// </remarks>
    internal static double OutOfTheMoneyCall(double x, double s, out double vega)
    {
        if (!(s > 0) || double.IsPositiveInfinity(s))
        {
            vega = Vega(x, s);
            if (double.IsPositiveInfinity(s))
            {
                return DMath.Exp(0.5 * x);
            }

            return double.IsNaN(s) || double.IsNaN(x) ? double.NaN : 0.0;
        }

        var h = x / s;
        var t = 0.5 * s;
        if (h < UnderflowH)
        {
            vega = 0.0;
            return 0.0;
        }

        if (h + t > CdfThreshold && !(t < SmallTThreshold))
        {
            return CdfForm(x, h, t, out vega);
        }

        if (h + t < AsymptoticThreshold)
        {
            vega = InvSqrtTwoPi * GaussianFactor(x, s, h, t);
            return AsymptoticExpansion(s, h, t, vega);
        }

        var staged = Stage(x, s, h, t);
        var second = staged.SmallT ? 0.0 : ErrorFunction.Erfcx(staged.SecondArgument);
        return Finish(staged, DMath.Exp(staged.ExponentArgument), ErrorFunction.Erfcx(staged.FirstArgument), second, out vega);
    }

    /// <summary>The one erfcx argument of <see cref="AtInflectionFinish"/>: −h/√2 (h = x/s_c) when t = s_c/2 &lt; 0.2, else s_c/√2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double AtInflectionArgument(double x, double sC)
    {
        if (!(sC > 0))
        {
            return 0.0;
        }

        return 0.5 * sC < SmallTThreshold ? -InvSqrtTwo * (x / sC) : InvSqrtTwo * sC;
    }

    /// <summary>b(x, s_c, +1) at the inflection point s_c = √(2|x|), where e^(−(h²+t²)/2) = e^(x/2) is known, given the erfcx of <see cref="AtInflectionArgument"/>.</summary>
    /// <param name="x">Log-moneyness, ≤ 0.</param>
    /// <param name="sC">√(−2x).</param>
    /// <param name="bMax">e^(x/2).</param>
    /// <param name="erfcx">erfcx(<see cref="AtInflectionArgument"/>(x, s_c)).</param>
    /// <remarks>
    /// With h = −t the region IV form is ½·e^(x/2)·[1 − erfcx(√|x|)] (erfcx(0) = 1): one erfcx and no exponential;
    /// for t &lt; 0.2 the small-t expansion is used with the same factor.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double AtInflectionFinish(double x, double sC, double bMax, double erfcx)
    {
        if (!(sC > 0))
        {
            return 0.0;
        }

        var t = 0.5 * sC;
        if (t < SmallTThreshold)
        {
            return SmallTExpansion(sC, x / sC, t, InvSqrtTwoPi * bMax, SqrtPiOverTwo * erfcx);
        }

        return 0.5 * bMax * (1.0 - erfcx);
    }

    /// <summary>b_max − b(x, s, +1) = e^(x/2)·Φ(−h − t) + e^(−x/2)·Φ(h − t) for x ≤ 0, evaluated without cancellation.</summary>
    internal static double OutOfTheMoneyCallComplement(double x, double s)
    {
        if (!(s > 0))
        {
            return double.IsNaN(s) ? double.NaN : DMath.Exp(0.5 * x);
        }

        if (double.IsPositiveInfinity(s))
        {
            return 0.0;
        }

        var h = x / s;
        var t = 0.5 * s;
        var u = h + t;
        var v = h - t;

        // e^(−x/2)·φ(h − t) = e^(x/2)·φ(h + t), so the second term is e^(x/2)·φ(u)·Y(v) with Y = Φ/φ.
        var second = Normal.Pdf(u) * MillsY(v);
        return DMath.Exp(0.5 * x) * (Normal.Cdf(-u) + second);
    }

    /// <summary>Y(z) = Φ(z)/φ(z) = √(π/2)·erfcx(−z/√2), finite for all z ≤ 0 (≈ −1/z as z → −∞).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double MillsY(double z) => SqrtPiOverTwo * ErrorFunction.Erfcx(-InvSqrtTwo * z);

    /// <summary>Region III: h + t &gt; 0.85, b = e^(x/2)·[Φ(h + t) − φ(h + t)·Y(h − t)] (the first term dominates).</summary>
    /// <remarks>The vega e^(−(h²+t²)/2)/√(2π) equals e^(x/2)·φ(h + t) (since h·t = x/2).</remarks>
    private static double CdfForm(double x, double h, double t, out double vega)
    {
        var u = h + t;
        var v = h - t;

        // Writing the second Black term through φ(u)·Y(v) instead of e^(−x/2)·Φ(v) avoids overflow of e^(−x/2)
        // for very negative x; it is the same quantity.
        var forward = DMath.Exp(0.5 * x);
        vega = forward * Normal.Pdf(u);
        return (forward * Normal.Cdf(u)) - (vega * MillsY(v));
    }

}
