using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Assay.Numerics;

namespace Assay.Pricing.Engines.American;

/// <summary>The American put under Black–Scholes–Merton by the fixed-point boundary method of Andersen, Lake and Offengelds.</summary>
/// <remarks>
/// <para>
/// Andersen, L., Lake, M. and Offengelds, D. (2016), "High-performance American option pricing", Journal of
/// Computational Finance 20(1). With the time-reversed boundary B(τ), B(0⁺) = X = K·min(1, r/q) (X = K for q ≤ 0),
/// the put is the European put plus the premium
/// ∫₀^T [rK e^(−r(T−u)) Φ(−d₋(T−u, S/B(u))) − qS e^(−q(T−u)) Φ(−d₊(T−u, S/B(u)))] du.
/// B solves the smooth-pasting fixed point (ALO's FP-B) B = K e^(−(r−q)τ) N/D with
/// N = φ(d₋(τ, B/K))/(σ√τ) + r∫₀^τ e^(ru) φ(d₋(τ−u, B(τ)/B(u)))/(σ√(τ−u)) du and
/// D = Φ(d₊(τ, B/K)) + φ(d₊(τ, B/K))/(σ√τ) + q∫₀^τ e^(qu) [Φ(d₊) + φ(d₊)/(σ√(τ−u))] du.
/// </para>
/// <para>
/// B is represented by H(√τ) = ln²(B/X) at n + 1 Chebyshev nodes in √τ (H = 0 at τ = 0) and started from QD+
/// (<see cref="QdPlusBoundary"/>), then updated by plain fixed-point steps on all nodes at once (Jacobi). ALO's
/// partial Jacobi–Newton first step did not lower the error at equal cost in our measurements, so it is not used. Integrals over
/// u in [0, τ] use u = τ sin²θ, which makes both √(τ − u) (the kernel's singularity) and √u (the interpolation
/// variable) smooth in θ, and Gauss–Legendre in θ; this change of variable is ours and lets 12 and 24 nodes reach
/// ~1e-7 where the z = √(τ − u) substitution needs several times more. Requires r &gt; 0.
/// </para>
/// <para>
/// Speed: everything that depends only on the scheme (u/T, z/√T, weights, interpolation weights) is tabulated in
/// <see cref="AloScheme"/>; per option the quadrature points of all nodes are evaluated four at a time with the
/// <see cref="Vector256{T}"/> overloads of <c>DMath.Exp/Log</c> and <c>Normal.Cdf</c> (the same bits as the scalar
/// kernels), e^(ru) is folded into the exponent of φ(d₋), and every sum is then taken in a fixed scalar order, so the
/// result does not depend on SIMD support.
/// </para>
/// </remarks>
internal static class AndersenLakeOffengelds
{
    private const double InvSqrt2Pi = 0.3989422804014327;
    private const double Sqrt2Pi = 2.5066282746310002;
    private const int Lanes = AloScheme.Lanes;

    /// <summary>Put price, delta and gamma at spot <paramref name="s"/>; delta and gamma are exact derivatives of the approximate price.</summary>
    internal static PutValue Put(double s, double k, double t, double r, double q, double sigma, AloScheme scheme)
    {
        var x = q > r ? k * r / q : k;
        var lnX = DMath.Log(x);
        var sqrtT = Math.Sqrt(t);
        Span<double> h = stackalloc double[scheme.NodeCount];
        QdPlusBoundary.Start(k, sqrtT, r, q, sigma, x, scheme, h);
        Iterate(k, t, r, q, sigma, x, lnX, sqrtT, scheme, h);
        return Premium(s, k, t, r, q, sigma, lnX, sqrtT, h, scheme);
    }

    /// <summary>Applies <see cref="AloScheme.Iterations"/> Jacobi sweeps of FP-B to the node values <paramref name="h"/>.</summary>
    private static void Iterate(
        double k, double t, double r, double q, double sigma, double x, double lnX, double sqrtT, AloScheme scheme, Span<double> h)
    {
        var n = scheme.Grid.Intervals;
        var l = scheme.BoundaryRule.Order;
        var nodes = scheme.NodeCount;
        var points = scheme.BoundaryPointCount;
        var interpolation = scheme.BoundaryInterpolation;

        // Per quadrature point: σz, (r − q + σ²/2)z², r·u and the yield growth times the θ-weight.
        Span<double> sigmaZ = stackalloc double[points];
        Span<double> driftZ2 = stackalloc double[points];
        Span<double> rateU = stackalloc double[points];
        Span<double> growthQ = stackalloc double[points];
        Span<double> pointRootH = stackalloc double[points];
        Span<double> nTerms = stackalloc double[points];
        Span<double> dTerms = stackalloc double[points];
        Span<double> nSums = stackalloc double[nodes];
        Span<double> dSums = stackalloc double[nodes];

        var drift = r - q + (0.5 * sigma * sigma);
        var lnXOverK = DMath.Log(x / k);
        var lnKOverX = DMath.Log(k) - lnX;
        var vT = Vector256.Create(t);
        var vSigmaSqrtT = Vector256.Create(sigma * sqrtT);
        var vDriftT = Vector256.Create(drift * t);
        var vR = Vector256.Create(r);
        var vQ = Vector256.Create(q);
        for (var p = 0; p < points; p += Lanes)
        {
            var u = vT * Load(scheme.BoundaryUOverT, p);
            var zOverSqrtT = Load(scheme.BoundaryZOverSqrtT, p);
            Store(vSigmaSqrtT * zOverSqrtT, sigmaZ, p);
            Store(vDriftT * zOverSqrtT * zOverSqrtT, driftZ2, p);
            Store(vR * u, rateU, p);
            Store(Load(scheme.BoundaryWeights, p) * DMath.Exp(vQ * u), growthQ, p);
        }

        // With q = 0 the D integral is multiplied by zero; skipping it changes no bits of the result.
        var hasYield = q != 0.0;
        dTerms.Clear();
        pointRootH.Clear();
        var minusHalf = Vector256.Create(-0.5);
        var sqrt2Pi = Vector256.Create(Sqrt2Pi);
        for (var iteration = 0; iteration < scheme.Iterations; iteration++)
        {
            for (var i = 0; i < n; i++)
            {
                pointRootH.Slice(i * l, l).Fill(Math.Sqrt(h[i]));
            }

            for (var p = 0; p < points; p += Lanes)
            {
                // H at the point by the precomputed interpolation weights, summed over m in a fixed order.
                var hu = Vector256<double>.Zero;
                for (var m = 0; m < n; m++)
                {
                    hu += Load(interpolation, (m * points) + p) * Vector256.Create(h[m]);
                }

                var sz = Load(sigmaZ, p);
                var dPlus = (Vector256.Sqrt(Vector256.Max(hu, Vector256<double>.Zero)) - Load(pointRootH, p) + Load(driftZ2, p)) / sz;
                var dMinus = dPlus - sz;
                Store(Load(scheme.BoundaryWeights, p) * DMath.Exp(Load(rateU, p) + (minusHalf * dMinus * dMinus)), nTerms, p);
                if (hasYield)
                {
                    var pdfPlus = DMath.Exp(minusHalf * dPlus * dPlus);
                    Store(Load(growthQ, p) * ((Normal.Cdf(dPlus) * sz * sqrt2Pi) + pdfPlus), dTerms, p);
                }
            }

            for (var i = 0; i < n; i++)
            {
                double nSum = 0, dSum = 0;
                for (var j = i * l; j < (i + 1) * l; j++)
                {
                    nSum += nTerms[j];
                    dSum += dTerms[j];
                }

                nSums[i] = nSum;
                dSums[i] = dSum;
            }

            NodeUpdate(r, q, sigma, lnXOverK, lnKOverX, sqrtT, drift, scheme, nSums, dSums, h);
        }
    }

    /// <summary>One FP-B update of every node from the integral sums: B = K e^(−(r−q)τ) N/D, stored as H = ln²(B/X).</summary>
    private static void NodeUpdate(
        double r, double q, double sigma, double lnXOverK, double lnKOverX, double sqrtT, double drift, AloScheme scheme,
        ReadOnlySpan<double> nSums, ReadOnlySpan<double> dSums, Span<double> h)
    {
        var vLnXOverK = Vector256.Create(lnXOverK);
        var vLnKOverX = Vector256.Create(lnKOverX);
        var vSigma = Vector256.Create(sigma);
        var driftOverSigma = Vector256.Create(drift / sigma);
        var carry = Vector256.Create(r - q);
        var scaleFactor = Vector256.Create(2.0 / sigma * InvSqrt2Pi);
        var rate = Vector256.Create(r);
        var yield = Vector256.Create(q);
        var invSqrt2Pi = Vector256.Create(InvSqrt2Pi);
        var minusHalf = Vector256.Create(-0.5);
        for (var i = 0; i < scheme.NodeCount; i += Lanes)
        {
            // The sums carry φ without its 1/√(2π); N_int = (2√τ/σ)·Σ/√(2π) and likewise for D_int.
            var sqrtTau = Vector256.Create(sqrtT) * Load(scheme.NodeHalf, i);
            var tau = sqrtTau * sqrtTau;
            var rootH = Vector256.Sqrt(Load(h, i));
            var scale = scaleFactor * sqrtTau;
            var sd = vSigma * sqrtTau;
            var d0Plus = ((vLnXOverK - rootH) / sd) + (driftOverSigma * sqrtTau);
            var d0Minus = d0Plus - sd;
            var pdf0Minus = invSqrt2Pi * DMath.Exp(minusHalf * d0Minus * d0Minus);
            var pdf0Plus = invSqrt2Pi * DMath.Exp(minusHalf * d0Plus * d0Plus);
            var numerator = (pdf0Minus / sd) + (rate * scale * Load(nSums, i));
            var denominator = Normal.Cdf(d0Plus) + (pdf0Plus / sd) + (yield * scale * Load(dSums, i));

            // ln(B/X) = ln(K/X) − (r − q)τ + ln(N/D), capped at 0 (B ≤ X); a NaN (diverged iteration) passes through.
            var lnNext = vLnKOverX - (carry * tau) + DMath.Log(numerator / denominator);
            lnNext = Vector256.ConditionalSelect(Vector256.GreaterThan(lnNext, Vector256<double>.Zero), Vector256<double>.Zero, lnNext);
            Store(lnNext * lnNext, h, i);
        }
    }

    private static PutValue Premium(
        double s, double k, double t, double r, double q, double sigma, double lnX, double sqrtT,
        ReadOnlySpan<double> h, AloScheme scheme)
    {
        var lnS = DMath.Log(s);
        if (lnS <= lnX - Math.Sqrt(h[0]))
        {
            // At or below the exercise boundary the put is worth its intrinsic value.
            return new PutValue(k - s, -1.0, 0.0);
        }

        var n = scheme.Grid.Intervals;
        var points = scheme.PremiumPointCount;
        var interpolation = scheme.PremiumInterpolation;
        Span<double> priceTerms = stackalloc double[points];
        Span<double> deltaTerms = stackalloc double[points];
        Span<double> gammaTerms = stackalloc double[points];
        var drift = Vector256.Create(r - q + (0.5 * sigma * sigma));
        var vSqrtT = Vector256.Create(sqrtT);
        var vSigma = Vector256.Create(sigma);
        var lnMoneyness = Vector256.Create(lnS - lnX);
        var vS = Vector256.Create(s);
        var minusR = Vector256.Create(-r);
        var minusQ = Vector256.Create(-q);
        var rk = Vector256.Create(r * k);
        var yield = Vector256.Create(q);
        var invSqrt2Pi = Vector256.Create(InvSqrt2Pi);
        var minusHalf = Vector256.Create(-0.5);
        for (var j = 0; j < points; j += Lanes)
        {
            // u = T sin²θ, T − u = z² with z = √T cos θ, du = 2T sin θ cos θ dθ.
            var z = vSqrtT * Load(scheme.PremiumZOverSqrtT, j);
            var z2 = z * z;
            var hu = Vector256<double>.Zero;
            for (var m = 0; m < n; m++)
            {
                hu += Load(interpolation, (m * points) + j) * Vector256.Create(h[m]);
            }

            var sz = vSigma * z;
            var dPlus = (lnMoneyness + Vector256.Sqrt(Vector256.Max(hu, Vector256<double>.Zero)) + (drift * z2)) / sz;
            var dMinus = dPlus - sz;

            var discR = rk * DMath.Exp(minusR * z2);
            var discQ = yield * DMath.Exp(minusQ * z2);
            var pdfMinus = discR * invSqrt2Pi * DMath.Exp(minusHalf * dMinus * dMinus);
            var pdfPlus = discQ * invSqrt2Pi * DMath.Exp(minusHalf * dPlus * dPlus);
            var cdfPlus = Normal.Cdf(-dPlus);
            var cdfMinus = Normal.Cdf(-dMinus);
            var w = Load(scheme.PremiumWeights, j);
            Store(w * ((discR * cdfMinus) - (vS * discQ * cdfPlus)), priceTerms, j);
            Store(w * (((pdfPlus - (pdfMinus / vS)) / sz) - (discQ * cdfPlus)), deltaTerms, j);
            Store(w * (((pdfMinus * (dMinus + sz) / vS) + (pdfPlus * (sz - dPlus))) / (vS * sz * sz)), gammaTerms, j);
        }

        double price = 0, delta = 0, gamma = 0;
        for (var j = 0; j < points; j++)
        {
            price += priceTerms[j];
            delta += deltaTerms[j];
            gamma += gammaTerms[j];
        }

        var scale = 2.0 * t;
        var european = EuropeanBlack.Greeks(Instruments.OptionType.Put, s, k, t, r, q, sigma);
        var value = european.Price + (scale * price);
        return new PutValue(
            Math.Max(value, k - s), european.Delta + (scale * delta), european.Gamma + (scale * gamma));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Load(ReadOnlySpan<double> values, int index) => Vector256.Create(values.Slice(index, Lanes));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector256<double> value, Span<double> destination, int index) => value.CopyTo(destination.Slice(index, Lanes));
}
