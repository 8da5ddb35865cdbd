using System.Runtime.CompilerServices;
using Assay.Pricing.Batch;

namespace Assay.Pricing.Engines.Analytic;

/// <content>The cancellation-free evaluations of D = m(h' + t) − m(h' − t) and the error-free transformations.</content>
internal static partial class BlackScholesKernel
{
    /// <summary>Depth of the continued fraction; with the tail estimate it converges to a few ulp for u ≤ −4.</summary>
    internal const int FractionDepth = 28;

    private const double Splitter = 134217729.0; // 2^27 + 1, Dekker's splitting constant for doubles.

    /// <summary>D = R(a1) − R(a2) for the Mills ratio R(a) = Φ(−a)/φ(a), a2 = a1 + 2t, a1 ≥ 4, with no cancellation.</summary>
    /// <remarks>
    /// Laplace's continued fraction R(a) = 1/(a + f_1(a)), f_n(a) = n/(a + f_(n+1)(a)) is run for both arguments
    /// at once together with the differences δ_n = f_n(a1) − f_n(a2), which obey
    /// δ_n = n·(2t − δ_(n+1))/((a1 + f_(n+1)(a1))·(a2 + f_(n+1)(a2))): every operation combines positive terms
    /// except 2t − δ, where δ ≤ 2t·|f'| with |f'| &lt; 1. The fraction is started from the fixed point of
    /// f(a + f) = n, f = (√(a² + 4n) − a)/2, which shortens the depth needed by about a third.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static TLane MillsDifferenceFraction<TLane, TMask>(TLane a1, TLane a2, TLane halfStdDev)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        const double C = 4.0 * (FractionDepth + 1);
        var twoT = halfStdDev * 2.0;
        var root1 = TLane.Sqrt((a1 * a1) + C);
        var root2 = TLane.Sqrt((a2 * a2) + C);
        var tail1 = C / (root1 + a1);
        var tail2 = C / (root2 + a2);
        var f1 = tail1 * 0.5;
        var f2 = tail2 * 0.5;
        var delta = halfStdDev * ((tail1 + tail2) / (root1 + root2));
        for (var n = FractionDepth; n >= 1; n--)
        {
            // One division per level: 1/(P1·P2) gives both 1/P1 = P2/(P1·P2) and 1/P2.
            var p1 = a1 + f1;
            var p2 = a2 + f2;
            var inverseProduct = 1.0 / (p1 * p2);
            delta = n * ((twoT - delta) * inverseProduct);
            f1 = (n * p2) * inverseProduct;
            f2 = (n * p1) * inverseProduct;
        }

        return (twoT - delta) / ((a1 + f1) * (a2 + f2));
    }

    /// <summary>s = σ√T and h = x/s with their rounding compensated, and v² = (−|h| − s/2)² as a double-double.</summary>
    /// <remarks>
    /// Deep out of the money the price is e^(−v²/2) times moderate factors, so a relative error δ in v² costs
    /// v²·δ/2. √T gets its residual (T − r²)/(2r), s = σ√T Dekker's exact product, h = x/s the residual of h·s,
    /// and v² is squared from the double-double v. Returns the clamped s (its low part dropped outside the clamp).
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static (TLane StdDev, TLane H, TLane Vv, TLane VvLo) CompensatedMoments<TLane, TMask>(
        TLane x, TLane expiryYears, TLane volatility, TLane sqrtT, TLane halfInverseSqrtT)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var zero = TLane.Constant(0.0);
        var (tt, ttLo) = TwoProduct<TLane, TMask>(sqrtT, sqrtT);
        var sqrtTLo = ((expiryYears - tt) - ttLo) * halfInverseSqrtT;
        var (sHi, sLo) = TwoProduct<TLane, TMask>(volatility, sqrtT);
        sLo += volatility * sqrtTLo;
        var stdDev = sHi + sLo;
        sLo -= stdDev - sHi;
        var stdDevInRange = TLane.And(
            TLane.GreaterThanOrEqual(stdDev, TLane.Constant(MinStdDev)),
            TLane.LessThanOrEqual(stdDev, TLane.Constant(MaxStdDev)));
        stdDev = TLane.Min(TLane.Max(stdDev, TLane.Constant(MinStdDev)), TLane.Constant(MaxStdDev));
        sLo = TLane.Select(stdDevInRange, sLo, zero);
        var halfStdDev = stdDev * 0.5;
        var halfStdDevLo = sLo * 0.5;

        var h = x / stdDev;
        var (hs, hsLo) = TwoProduct<TLane, TMask>(h, stdDev);
        var hLo = (((x - hs) - hsLo) - (h * sLo)) / stdDev;
        var hc = -TLane.Abs(h);
        var hcLo = TLane.Select(TLane.GreaterThan(x, zero), -hLo, hLo);

        var (vHi, vLo) = TwoSum<TLane, TMask>(hc, -halfStdDev);
        vLo += hcLo - halfStdDevLo;
        var vSum = vHi + vLo;
        vLo -= vSum - vHi;
        vHi = vSum;
        var (vv, vvLo) = TwoProduct<TLane, TMask>(vHi, vHi);
        vvLo += (vHi * vLo) * 2.0;
        return (stdDev, h, vv, vvLo);
    }

    /// <summary>a·b = p + e exactly (Dekker 1971, without FMA), for |a|, |b| below about 1e300.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (TLane Product, TLane Error) TwoProduct<TLane, TMask>(TLane a, TLane b)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var product = a * b;
        var (aHi, aLo) = Split<TLane, TMask>(a);
        var (bHi, bLo) = Split<TLane, TMask>(b);
        var error = ((((aHi * bHi) - product) + (aHi * bLo)) + (aLo * bHi)) + (aLo * bLo);
        return (product, error);
    }

    /// <summary>a + b = s + e exactly (Knuth's branch-free two-sum).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (TLane Sum, TLane Error) TwoSum<TLane, TMask>(TLane a, TLane b)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var sum = a + b;
        var bVirtual = sum - a;
        var error = (a - (sum - bVirtual)) + (b - bVirtual);
        return (sum, error);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (TLane Hi, TLane Lo) Split<TLane, TMask>(TLane a)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged
    {
        var c = a * Splitter;
        var hi = c - (c - a);
        return (hi, a - hi);
    }
}
