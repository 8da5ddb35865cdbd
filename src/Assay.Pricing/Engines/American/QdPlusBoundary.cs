using System.Runtime.Intrinsics;
using Assay.Numerics;
using V = System.Runtime.Intrinsics.Vector256<double>;

namespace Assay.Pricing.Engines.American;

/// <summary>Li's QD+ approximation of the American put exercise boundary, the starting point of the fixed-point iteration.</summary>
/// <remarks>
/// <para>
/// Li, M. (2010), "Analytical approximations for the critical stock prices of American options: a performance
/// comparison", Review of Derivatives Research 13, as restated in Andersen, Lake and Offengelds (2016) §4.4. With
/// h = 1 − e^(−rτ), α = 2r/σ², β = 2(r − q)/σ², λ the negative root of λ² + (β − 1)λ − α/h = 0 and
/// λ' = dλ/dh, the boundary B solves g(B) = 0 with
/// g(B) = (1 − e^(−qτ)Φ(−d₊(τ, B/K)))·B + (λ + c₀)·(K − B − p(τ, B)),
/// c₀ = −(1 − h)α/(2λ + β − 1) · (1/h + e^(rτ)·∂p/∂τ / (r(K − B − p)) + λ'/(2λ + β − 1)),
/// where p is the European put. The product c₀·(K − B − p) is expanded so the equation has no pole where the
/// early-exercise premium K − B − p vanishes. Requires r &gt; 0.
/// </para>
/// <para>
/// Solved for y = ln(B/X) ≤ 0 by a fixed number (<see cref="NewtonSteps"/>) of Newton steps with the analytic
/// derivative, started from the Barone-Adesi and Whaley (1987) seed B∞ + (X − B∞)·e^(h₁),
/// h₁ = ((r − q)τ − 2σ√τ)·X/(X − B∞), B∞ the perpetual boundary. The step count does not depend on the data, so the
/// start is a smooth function of the inputs (no loose tolerance-driven stop puts steps into bumped Greeks), and all
/// nodes are solved at once, four per <see cref="Vector256{T}"/>. The start only seeds the fixed-point iteration, which
/// forgets its residual error quickly; measured effect on prices in docs/pricing-american.md. A node whose last
/// Newton step still exceeds <see cref="NewtonTolerance"/> (only in ill-conditioned corners such as r·τ ≲ 1e-12) is
/// re-solved by the bracketed secant of <c>QdPlusBoundary.Bracketed.cs</c>.
/// </para>
/// </remarks>
internal static partial class QdPlusBoundary
{
    /// <summary>Newton steps per node.</summary>
    internal const int NewtonSteps = 8;

    /// <summary>A node whose last Newton step is larger than this (in ln B) is solved again by <see cref="SolveBracketed"/>.</summary>
    private const double NewtonTolerance = 1e-6;

    private const double InvSqrt2Pi = 0.3989422804014327;

    /// <summary>Largest y = ln(B/X) the iteration may take: B stays strictly below X, where the equation degenerates.</summary>
    private const double LogRatioMax = -1e-12;

    /// <summary>Writes the start H_i = ln²(B(τ_i)/X) for every (padded) node of <paramref name="scheme"/>.</summary>
    /// <param name="k">Strike.</param>
    /// <param name="sqrtT">√T.</param>
    /// <param name="r">Rate, &gt; 0.</param>
    /// <param name="q">Dividend yield.</param>
    /// <param name="sigma">Volatility.</param>
    /// <param name="x">The boundary's limit at expiry, K·min(1, r/q).</param>
    /// <param name="scheme">Node layout.</param>
    /// <param name="h">Output, <see cref="AloScheme.NodeCount"/> values.</param>
    internal static void Start(double k, double sqrtT, double r, double q, double sigma, double x, AloScheme scheme, Span<double> h)
    {
        var sigma2 = sigma * sigma;
        var alpha = 2.0 * r / sigma2;
        var beta = 2.0 * (r - q) / sigma2;
        var betaMinusOne = beta - 1.0;

        // Perpetual boundary: B∞ = Kλ∞/(λ∞ − 1) with λ∞ the negative root for h = 1 (≤ X for r > 0).
        var lambdaInf = NegativeRoot(betaMinusOne, Math.Sqrt((betaMinusOne * betaMinusOne) + (4.0 * alpha)), alpha);
        var bInf = Math.Min(k * lambdaInf / (lambdaInf - 1.0), x);
        var seedScale = x / Math.Max(x - bInf, 1e-300 * x);
        var lnK = DMath.Log(k);
        var lnX = DMath.Log(x);

        var vK = Vector256.Create(k);
        var vX = Vector256.Create(x);
        var vR = Vector256.Create(r);
        var vQ = Vector256.Create(q);
        var vSigma = Vector256.Create(sigma);
        var one = V.One;
        var half = Vector256.Create(0.5);
        for (var i = 0; i < scheme.NodeCount; i += AloScheme.Lanes)
        {
            var sqrtTau = Vector256.Create(sqrtT) * Vector256.Create(scheme.NodeHalf.AsSpan(i, AloScheme.Lanes));
            var tau = sqrtTau * sqrtTau;
            var hh = -DMath.Expm1(-vR * tau);
            var root = Vector256.Sqrt(Vector256.Create(betaMinusOne * betaMinusOne) + (Vector256.Create(4.0 * alpha) / hh));
            var lambda = NegativeRoot(Vector256.Create(betaMinusOne), root, Vector256.Create(alpha) / hh);
            var lambdaPrime = Vector256.Create(alpha) / (hh * hh * root);

            // 2λ + β − 1 = −root.
            var c0Scale = (one - hh) * Vector256.Create(alpha) / root;
            var c0Inner = (one / hh) - (lambdaPrime / root);
            var dfR = one - hh;
            var dfQ = DMath.Exp(-vQ * tau);
            var sd = vSigma * sqrtTau;
            var dPlusShift = ((Vector256.Create(lnX - lnK) + ((vR - vQ) * tau)) / sd) + (half * sd);
            var decayScale = vSigma / (Vector256.Create(2.0) * sqrtTau);
            var invRDfR = one / (vR * dfR);
            var lambdaC0 = lambda + (c0Scale * c0Inner);

            // Barone-Adesi–Whaley seed, clamped below X.
            var h1 = ((Vector256.Create(r - q) * tau) - (Vector256.Create(2.0) * sd)) * Vector256.Create(seedScale);
            var seed = Vector256.Create(bInf) + (Vector256.Create(x - bInf) * DMath.Exp(Min(h1, V.Zero)));
            var y = Min(DMath.Log(seed / vX), Vector256.Create(LogRatioMax));
            var lastStep = V.Zero;
            for (var step = 0; step < NewtonSteps; step++)
            {
                var b = vX * DMath.Exp(y);
                var dPlus = (y / sd) + dPlusShift;
                var dMinus = dPlus - sd;
                var nPlus = Normal.Cdf(-dPlus);
                var nMinus = Normal.Cdf(-dMinus);
                var pdfPlus = Vector256.Create(InvSqrt2Pi) * DMath.Exp(Vector256.Create(-0.5) * dPlus * dPlus);
                var qPlus = dfQ * nPlus;
                var put = (vK * dfR * nMinus) - (b * qPlus);
                var putDTau = (b * dfQ * pdfPlus * decayScale) - (vR * vK * dfR * nMinus) + (vQ * b * qPlus);
                var premium = vK - b - put;
                var g = ((one - qPlus) * b) + (lambda * premium) + (c0Scale * ((c0Inner * premium) + (putDTau * invRDfR)));

                // dg/dB, using K e^(−rτ) φ(d₋) = B e^(−qτ) φ(d₊).
                var pdfOverSd = pdfPlus / sd;
                var dDecay = dfQ * ((decayScale * pdfPlus * (one - (dPlus / sd))) + (vR * pdfOverSd) + (vQ * (nPlus - pdfOverSd)));
                var slope = one - qPlus + (dfQ * pdfOverSd) + (lambdaC0 * (qPlus - one)) + (c0Scale * invRDfR * dDecay);
                var next = Safeguard(y, y - (g / (b * slope)));
                lastStep = Vector256.Abs(next - y);
                y = next;
            }

            (y * y).CopyTo(h.Slice(i, AloScheme.Lanes));
            for (var lane = 0; lane < AloScheme.Lanes && i + lane < scheme.Grid.Intervals; lane++)
            {
                if (!(lastStep.GetElement(lane) <= NewtonTolerance))
                {
                    var yLane = SolveBracketed(k, tau.GetElement(lane), r, q, sigma, lnX);
                    h[i + lane] = yLane * yLane;
                }
            }
        }
    }

    /// <summary>The negative root of λ² + bλ − c = 0 (c &gt; 0) given d = √(b² + 4c), without cancellation when b &lt; 0.</summary>
    private static double NegativeRoot(double b, double d, double c) => b >= 0 ? -0.5 * (b + d) : -2.0 * c / (d - b);

    private static V NegativeRoot(V b, V d, V c) =>
        Vector256.ConditionalSelect(
            Vector256.GreaterThanOrEqual(b, V.Zero), Vector256.Create(-0.5) * (b + d), Vector256.Create(-2.0) * c / (d - b));

    /// <summary>The Newton update <paramref name="next"/>, but never more than halfway from y to 0 and never NaN.</summary>
    /// <remarks>
    /// For r·τ near 0 the QD+ residual is ill-conditioned (c₀ grows like 1/h and multiplies the cancelling K − B − p),
    /// so a step can overshoot to B ≥ X; halving y instead keeps the start inside (0, X) like the bracketed solver
    /// it replaces, and a NaN step (residual breakdown) leaves y where it was.
    /// </remarks>
    private static V Safeguard(V y, V next)
    {
        var half = Vector256.Create(0.5) * y;
        var capped = Vector256.ConditionalSelect(Vector256.GreaterThan(next, half), half, next);
        return Vector256.ConditionalSelect(Vector256.Equals(next, next), capped, y);
    }

    /// <summary>Lane-wise min(a, b) that returns a NaN <paramref name="a"/> unchanged (like <see cref="Math.Min(double, double)"/>).</summary>
    private static V Min(V a, V b) => Vector256.ConditionalSelect(Vector256.GreaterThan(a, b), b, a);
}
