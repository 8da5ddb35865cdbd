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
/// </remarks>
internal static class AndersenLakeOffengelds
{
    private const double InvSqrt2Pi = 0.3989422804014327;
    private const double Sqrt2Pi = 2.5066282746310002;

    /// <summary>Put price, delta and gamma at spot <paramref name="s"/>; delta and gamma are exact derivatives of the approximate price.</summary>
    internal static PutValue Put(double s, double k, double t, double r, double q, double sigma, AloScheme scheme)
    {
        var grid = scheme.Grid;
        var n = grid.Intervals;
        var rule = scheme.BoundaryRule;
        var l = rule.Order;
        Span<double> h = stackalloc double[n];
        Span<double> rootH = stackalloc double[n];
        Span<double> next = stackalloc double[n];

        // Per quadrature point (i, j): the rate and yield growth times the θ-weight, σz, and the drift term (r − q + σ²/2)z².
        var points = n * l;
        Span<double> growthR = stackalloc double[points];
        Span<double> growthQ = stackalloc double[points];
        Span<double> sigmaZ = stackalloc double[points];
        Span<double> driftZ2 = stackalloc double[points];

        var x = q > r ? k * r / q : k;
        var lnX = DMath.Log(x);
        var lnXOverK = DMath.Log(x / k);
        var sqrtT = Math.Sqrt(t);
        var drift = r - q + (0.5 * sigma * sigma);

        // QD+ start, from the shortest node (i = n − 1) to the longest (i = 0), each seeded by the previous one.
        var guess = x;
        for (var i = n - 1; i >= 0; i--)
        {
            var sqrtTau = 0.5 * sqrtT * (1.0 + grid.Nodes[i]);
            var b = QdPlusBoundary.Solve(k, sqrtTau * sqrtTau, r, q, sigma, x, guess);
            guess = b;
            var lnRatio = Math.Min(DMath.Log(b) - lnX, 0.0);
            h[i] = lnRatio * lnRatio;
        }

        for (var i = 0; i < n; i++)
        {
            var sqrtTau = 0.5 * sqrtT * (1.0 + grid.Nodes[i]);
            var tau = sqrtTau * sqrtTau;
            for (var j = 0; j < l; j++)
            {
                // u = τ sin²θ, τ − u = z² with z = √τ cos θ, du = 2τ sin θ cos θ dθ.
                var sine = rule.Sines[j];
                var z = sqrtTau * rule.Cosines[j];
                var u = tau * sine * sine;
                var weight = rule.ArcWeights[j] * sine;
                var index = (i * l) + j;
                growthR[index] = weight * DMath.Exp(r * u);
                growthQ[index] = weight * DMath.Exp(q * u);
                sigmaZ[index] = sigma * z;
                driftZ2[index] = drift * z * z;
            }
        }

        var interpolation = scheme.BoundaryInterpolation;

        // With q = 0 the D integral is multiplied by zero; skipping it changes no bits of the result.
        var hasYield = q != 0.0;
        for (var iteration = 0; iteration < scheme.Iterations; iteration++)
        {
            for (var i = 0; i < n; i++)
            {
                rootH[i] = Math.Sqrt(h[i]);
            }

            for (var i = 0; i < n; i++)
            {
                var sqrtTau = 0.5 * sqrtT * (1.0 + grid.Nodes[i]);
                var tau = sqrtTau * sqrtTau;
                var rootHTau = rootH[i];
                double nSum = 0, dSum = 0;
                for (var j = 0; j < l; j++)
                {
                    var index = (i * l) + j;
                    var row = interpolation.AsSpan(index * n, n);
                    var hu = 0.0;
                    for (var m = 0; m < n; m++)
                    {
                        hu += row[m] * h[m];
                    }

                    var sz = sigmaZ[index];
                    var dPlus = (Math.Sqrt(Math.Max(hu, 0.0)) - rootHTau + driftZ2[index]) / sz;
                    var dMinus = dPlus - sz;
                    var pdfMinus = growthR[index] * DMath.Exp(-0.5 * dMinus * dMinus);
                    nSum += pdfMinus;
                    if (hasYield)
                    {
                        var pdfPlus = growthQ[index] * DMath.Exp(-0.5 * dPlus * dPlus);
                        dSum += (growthQ[index] * Normal.Cdf(dPlus) * sz * Sqrt2Pi) + pdfPlus;
                    }
                }

                // The sums carry φ without its 1/√(2π); N_int = (2√τ/σ)·Σ/√(2π) and likewise for D_int.
                var scale = 2.0 * sqrtTau / sigma * InvSqrt2Pi;
                var sd = sigma * sqrtTau;
                var d0Plus = ((lnXOverK - rootHTau) / sd) + (drift * sqrtTau / sigma);
                var d0Minus = d0Plus - sd;
                var pdf0Minus = InvSqrt2Pi * DMath.Exp(-0.5 * d0Minus * d0Minus);
                var pdf0Plus = InvSqrt2Pi * DMath.Exp(-0.5 * d0Plus * d0Plus);
                var numerator = (pdf0Minus / sd) + (r * scale * nSum);
                var denominator = Normal.Cdf(d0Plus) + (pdf0Plus / sd) + (q * scale * dSum);
                var f = k * DMath.Exp(-(r - q) * tau) * numerator / denominator;
                var lnNext = Math.Min(DMath.Log(f) - lnX, 0.0);
                next[i] = lnNext * lnNext;
            }

            next.CopyTo(h);
        }

        return Premium(s, k, t, r, q, sigma, lnX, sqrtT, h, scheme);
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

        var n = h.Length;
        var rule = scheme.PremiumRule;
        var interpolation = scheme.PremiumInterpolation;
        var drift = r - q + (0.5 * sigma * sigma);
        double price = 0, delta = 0, gamma = 0;
        for (var j = 0; j < rule.Order; j++)
        {
            // u = T sin²θ, T − u = z² with z = √T cos θ, du = 2T sin θ cos θ dθ.
            var sine = rule.Sines[j];
            var cosine = rule.Cosines[j];
            var z = sqrtT * cosine;
            var z2 = z * z;
            var row = interpolation.AsSpan(j * n, n);
            var hu = 0.0;
            for (var m = 0; m < n; m++)
            {
                hu += row[m] * h[m];
            }

            var sz = sigma * z;
            var dPlus = (lnS - lnX + Math.Sqrt(Math.Max(hu, 0.0)) + (drift * z2)) / sz;
            var dMinus = dPlus - sz;
            var discR = r * k * DMath.Exp(-r * z2);
            var discQ = q * DMath.Exp(-q * z2);
            var pdfMinus = discR * InvSqrt2Pi * DMath.Exp(-0.5 * dMinus * dMinus);
            var pdfPlus = discQ * InvSqrt2Pi * DMath.Exp(-0.5 * dPlus * dPlus);
            var cdfPlus = Normal.Cdf(-dPlus);
            var w = rule.ArcWeights[j] * sine * cosine;
            price += w * ((discR * Normal.Cdf(-dMinus)) - (s * discQ * cdfPlus));
            delta += w * (((pdfPlus - (pdfMinus / s)) / sz) - (discQ * cdfPlus));
            gamma += w * (((pdfMinus * (dMinus + sz) / s) + (pdfPlus * (sz - dPlus))) / (s * sz * sz));
        }

        var scale = 2.0 * t;
        var european = EuropeanBlack.Greeks(Instruments.OptionType.Put, s, k, t, r, q, sigma);
        var value = european.Price + (scale * price);
        return new PutValue(
            Math.Max(value, k - s), european.Delta + (scale * delta), european.Gamma + (scale * gamma));
    }
}
