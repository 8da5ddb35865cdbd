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

    /// <summary>Largest ratio of the last to the previous sweep's boundary change for the iteration to count as contracting.</summary>
    internal const double ContractionMax = 0.5;

    /// <summary>A last sweep that moves no node by more than this (in ln B) counts as converged whatever the ratio.</summary>
    internal const double ChangeNegligible = 1e-10;

    /// <summary>Largest κ = max(r, |r − q|)·√T/σ the stable scheme resolves (the premium integrand lives within about √T/κ of expiry in z).</summary>
    internal const double ResolutionMax = 20.0;

    /// <summary>Largest κ for the fast scheme (its 20-point premium rule); above it the stable scheme is used directly.</summary>
    internal const double ResolutionFastMax = 5.0;

    /// <summary>FP-A is accepted when its last sweep moved no node by more than this in ln B (it contracts slowly, ratio up to ~1).</summary>
    internal const double StableChangeMax = 1e-6;

    /// <summary>Sweeps of FP-A on <see cref="AloScheme.Stable"/>.</summary>
    internal const int StableSweeps = 16;

    /// <summary>κ = max(r, |r − q|)·√T/σ of the put; above <see cref="ResolutionMax"/> the method is not accurate.</summary>
    internal static double Resolution(double t, double r, double q, double sigma) => Math.Max(r, Math.Abs(r - q)) * Math.Sqrt(t) / sigma;

    /// <summary>The put by the fast path (FP-B) or, where FP-B does not contract, by FP-A on a finer scheme.</summary>
    /// <returns>False when neither form contracts, the result is not finite, breaks P_E ≤ P ≤ K, or κ &gt; <see cref="ResolutionMax"/>.</returns>
    internal static bool TryPut(double s, double k, double t, double r, double q, double sigma, out PutValue value, out FixedPointForm form)
    {
        value = default;
        form = FixedPointForm.SmoothPasting;
        if (!(Resolution(t, r, q, sigma) <= ResolutionMax))
        {
            return false;
        }

        var x = q > r ? k * r / q : k;
        var lnX = DMath.Log(x);
        var sqrtT = Math.Sqrt(t);
        var scheme = AloScheme.Default;
        Span<double> h = stackalloc double[AloScheme.Stable.NodeCount];
        var fast = Resolution(t, r, q, sigma) <= ResolutionFastMax;
        if (fast)
        {
            var hFast = h[..scheme.NodeCount];
            QdPlusBoundary.Start(k, sqrtT, r, q, sigma, x, scheme, hFast);
            var change = Iterate(k, t, r, q, sigma, x, lnX, sqrtT, scheme, FixedPointForm.SmoothPasting, scheme.Iterations, hFast);

            // Where FP-B is wrong it oscillates: every such case we measured had a last/previous change ratio > 1,
            // every accurate one ≤ 0.4.
            fast = change.Last <= ChangeNegligible || change.Last <= ContractionMax * change.Previous;
        }

        if (!fast)
        {
            // Restart from QD+ with the value-matching form, which is stable but needs more sweeps and nodes.
            form = FixedPointForm.ValueMatching;
            scheme = AloScheme.Stable;
            QdPlusBoundary.Start(k, sqrtT, r, q, sigma, x, scheme, h);
            var change = Iterate(k, t, r, q, sigma, x, lnX, sqrtT, scheme, FixedPointForm.ValueMatching, StableSweeps, h);
            if (!(change.Last <= StableChangeMax))
            {
                return false;
            }
        }

        value = Premium(s, k, t, r, q, sigma, lnX, sqrtT, h[..scheme.NodeCount], scheme);
        var european = EuropeanBlack.Price(Instruments.OptionType.Put, s, k, t, r, q, sigma);
        return double.IsFinite(value.Price) && double.IsFinite(value.Delta) && double.IsFinite(value.Gamma)
            && value.Price >= european - (1e-12 * k) && value.Price <= k;
    }

    /// <summary>Put price, delta and gamma at spot <paramref name="s"/> with a fixed form and sweep count (no checks), for experiments.</summary>
    internal static PutValue Put(
        double s, double k, double t, double r, double q, double sigma, AloScheme scheme, FixedPointForm form, int sweeps)
    {
        var x = q > r ? k * r / q : k;
        var lnX = DMath.Log(x);
        var sqrtT = Math.Sqrt(t);
        Span<double> h = stackalloc double[scheme.NodeCount];
        QdPlusBoundary.Start(k, sqrtT, r, q, sigma, x, scheme, h);
        Iterate(k, t, r, q, sigma, x, lnX, sqrtT, scheme, form, sweeps, h);
        return Premium(s, k, t, r, q, sigma, lnX, sqrtT, h, scheme);
    }

    /// <summary>Applies <paramref name="sweeps"/> Jacobi sweeps of <paramref name="form"/> to the node values <paramref name="h"/>.</summary>
    /// <returns>The largest change of ln B over the nodes in the last two sweeps (NaN if a node became NaN).</returns>
    internal static SweepChange Iterate(
        double k, double t, double r, double q, double sigma, double x, double lnX, double sqrtT, AloScheme scheme,
        FixedPointForm form, int sweeps, Span<double> h)
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
        Span<double> previous = stackalloc double[nodes];

        var valueMatching = form == FixedPointForm.ValueMatching;
        var drift = r - q + (0.5 * sigma * sigma);
        var lnXOverK = DMath.Log(x / k);
        var lnKOverX = DMath.Log(k) - lnX;
        var vT = Vector256.Create(t);
        var vSigmaSqrtT = Vector256.Create(sigma * sqrtT);
        var vDriftT = Vector256.Create(drift * t);
        var vR = Vector256.Create(r);
        var vQ = Vector256.Create(q);
        var vSqrtT = Vector256.Create(sqrtT);
        for (var p = 0; p < points; p += Lanes)
        {
            var u = vT * Load(scheme.BoundaryUOverT, p);
            var zOverSqrtT = Load(scheme.BoundaryZOverSqrtT, p);
            Store(vSigmaSqrtT * zOverSqrtT, sigmaZ, p);
            Store(vDriftT * zOverSqrtT * zOverSqrtT, driftZ2, p);
            Store(vR * u, rateU, p);

            // FP-A has no 1/z kernel singularity, so its θ-weight keeps the factor z = √(τ − u) (see AloScheme).
            var weight = valueMatching ? Load(scheme.BoundaryWeights, p) * vSqrtT * zOverSqrtT : Load(scheme.BoundaryWeights, p);
            Store(weight * DMath.Exp(vQ * u), growthQ, p);
        }

        // With q = 0 the D integral is multiplied by zero; skipping it changes no bits of the result.
        var hasYield = q != 0.0;
        dTerms.Clear();
        pointRootH.Clear();
        var minusHalf = Vector256.Create(-0.5);
        var sqrt2Pi = Vector256.Create(Sqrt2Pi);
        double changePrevious = double.PositiveInfinity, changeLast = double.PositiveInfinity;
        for (var iteration = 0; iteration < sweeps; iteration++)
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
                if (valueMatching)
                {
                    // w·z·e^(ru)Φ(d₋) and w·z·e^(qu)Φ(d₊); the per-node factor is again 2√τ.
                    var w = Load(scheme.BoundaryWeights, p) * vSqrtT * Load(scheme.BoundaryZOverSqrtT, p);
                    Store(w * DMath.Exp(Load(rateU, p)) * Normal.Cdf(dMinus), nTerms, p);
                    if (hasYield)
                    {
                        Store(Load(growthQ, p) * Normal.Cdf(dPlus), dTerms, p);
                    }
                }
                else
                {
                    Store(Load(scheme.BoundaryWeights, p) * DMath.Exp(Load(rateU, p) + (minusHalf * dMinus * dMinus)), nTerms, p);
                    if (hasYield)
                    {
                        var pdfPlus = DMath.Exp(minusHalf * dPlus * dPlus);
                        Store(Load(growthQ, p) * ((Normal.Cdf(dPlus) * sz * sqrt2Pi) + pdfPlus), dTerms, p);
                    }
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

            h.CopyTo(previous);
            if (valueMatching)
            {
                NodeUpdateValueMatching(r, q, sigma, lnXOverK, lnKOverX, sqrtT, drift, scheme, nSums, dSums, h);
            }
            else
            {
                NodeUpdate(r, q, sigma, lnXOverK, lnKOverX, sqrtT, drift, scheme, nSums, dSums, h);
            }

            // Largest |Δ ln B| = |√H' − √H| over the active nodes; a NaN anywhere makes it NaN.
            var change = 0.0;
            for (var i = 0; i < n; i++)
            {
                var d = Math.Abs(Math.Sqrt(h[i]) - Math.Sqrt(previous[i]));
                change = d > change || double.IsNaN(d) ? d : change;
            }

            changePrevious = changeLast;
            changeLast = change;
        }

        return new SweepChange(changePrevious, changeLast);
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

    /// <summary>One FP-A update of every node: B = K e^(−(r−q)τ) N/D with N = Φ(d₋) + r∫e^(ru)Φ(d₋)du, D = Φ(d₊) + q∫e^(qu)Φ(d₊)du.</summary>
    private static void NodeUpdateValueMatching(
        double r, double q, double sigma, double lnXOverK, double lnKOverX, double sqrtT, double drift, AloScheme scheme,
        ReadOnlySpan<double> nSums, ReadOnlySpan<double> dSums, Span<double> h)
    {
        var vLnXOverK = Vector256.Create(lnXOverK);
        var vLnKOverX = Vector256.Create(lnKOverX);
        var vSigma = Vector256.Create(sigma);
        var driftOverSigma = Vector256.Create(drift / sigma);
        var carry = Vector256.Create(r - q);
        var two = Vector256.Create(2.0);
        var rate = Vector256.Create(r);
        var yield = Vector256.Create(q);
        for (var i = 0; i < scheme.NodeCount; i += Lanes)
        {
            // The sums are Σ w·z·(…) over θ; ∫₀^τ (…) du = 2√τ·Σ.
            var sqrtTau = Vector256.Create(sqrtT) * Load(scheme.NodeHalf, i);
            var tau = sqrtTau * sqrtTau;
            var rootH = Vector256.Sqrt(Load(h, i));
            var scale = two * sqrtTau;
            var sd = vSigma * sqrtTau;
            var d0Plus = ((vLnXOverK - rootH) / sd) + (driftOverSigma * sqrtTau);
            var d0Minus = d0Plus - sd;
            var numerator = Normal.Cdf(d0Minus) + (rate * scale * Load(nSums, i));
            var denominator = Normal.Cdf(d0Plus) + (yield * scale * Load(dSums, i));
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
