using Assay.Numerics;

namespace Assay.Pricing.Engines.American;

/// <summary>Li's QD+ approximation of the American put exercise boundary, the starting point of the fixed-point iteration.</summary>
/// <remarks>
/// Li, M. (2010), "Analytical approximations for the critical stock prices of American options: a performance
/// comparison", Review of Derivatives Research 13, as restated in Andersen, Lake and Offengelds (2016) §4.4. With
/// h = 1 − e^(−rτ), α = 2r/σ², β = 2(r − q)/σ², λ the negative root of λ² + (β − 1)λ − α/h = 0 and
/// λ' = dλ/dh, the boundary B solves
/// (1 − e^(−qτ)Φ(−d₊(τ, B/K)))·B + (λ + c₀)·(K − B − p(τ, B)) = 0, with
/// c₀ = −(1 − h)α/(2λ + β − 1) · (1/h + e^(rτ)·∂p/∂τ / (r(K − B − p)) + λ'/(2λ + β − 1)),
/// where p is the European put. The product c₀·(K − B − p) is expanded so the equation has no pole where the
/// early-exercise premium K − B − p vanishes. Requires r &gt; 0.
/// </remarks>
internal static class QdPlusBoundary
{
    private const int IterationsMax = 60;
    private const double LogTolerance = 1e-12;

    /// <summary>Solves the QD+ equation for the put boundary at time to expiry <paramref name="tau"/>, returning B in (0, x].</summary>
    /// <param name="k">Strike.</param>
    /// <param name="tau">Time to expiry, &gt; 0.</param>
    /// <param name="r">Rate, &gt; 0.</param>
    /// <param name="q">Dividend yield.</param>
    /// <param name="sigma">Volatility.</param>
    /// <param name="x">The boundary's limit at expiry, K·min(1, r/q).</param>
    /// <param name="guess">Starting point in (0, x].</param>
    internal static double Solve(double k, double tau, double r, double q, double sigma, double x, double guess)
    {
        var sigma2 = sigma * sigma;
        var alpha = 2.0 * r / sigma2;
        var beta = 2.0 * (r - q) / sigma2;
        var h = -DMath.Expm1(-r * tau);
        var betaMinusOne = beta - 1.0;
        var root = Math.Sqrt((betaMinusOne * betaMinusOne) + (4.0 * alpha / h));
        var lambda = 0.5 * (-betaMinusOne - root);
        var lambdaPrime = alpha / (h * h * root);

        // 2λ + β − 1 = −root.
        var denominator = -root;
        var c0Scale = -(1.0 - h) * alpha / denominator;
        var c0Inner = (1.0 / h) + (lambdaPrime / denominator);
        var ctx = new Context(k, tau, r, q, sigma, lambda, c0Scale, c0Inner);

        // Secant steps on y = ln(B/x) <= 0, kept inside the bracket [lo, hi] known so far (bisection when a step
        // leaves it). The result seeds the fixed-point iteration; it is solved tightly so that the price stays a smooth
        // function of the inputs (a loose, data-dependent stop would put steps into the bumped Greeks).
        var lnX = DMath.Log(x);
        var y = Math.Min(DMath.Log(guess) - lnX, -1e-6);
        var g = ctx.Equation(lnX + y);
        var yPrevious = y - Math.Max(0.01 * Math.Abs(y), 1e-4);
        var gPrevious = ctx.Equation(lnX + yPrevious);
        double lo = double.NegativeInfinity, hi = 0.0;
        (lo, hi) = Narrow(lo, hi, y, g);
        (lo, hi) = Narrow(lo, hi, yPrevious, gPrevious);
        for (var iteration = 0; iteration < IterationsMax; iteration++)
        {
            var next = g != gPrevious ? y - (g * (y - yPrevious) / (g - gPrevious)) : double.NaN;
            if (!(next > lo && next < hi))
            {
                // The secant left the bracket: bisect, or step down geometrically while no lower end is known.
                next = double.IsNegativeInfinity(lo) ? Math.Min(2.0 * y, y - 0.05) : 0.5 * (lo + hi);
            }

            yPrevious = y;
            gPrevious = g;
            y = next;
            if (Math.Abs(y - yPrevious) < LogTolerance)
            {
                break;
            }

            g = ctx.Equation(lnX + y);
            (lo, hi) = Narrow(lo, hi, y, g);
        }

        return x * DMath.Exp(y);
    }

    private static (double Lo, double Hi) Narrow(double lo, double hi, double y, double g) =>
        g > 0 ? (lo, Math.Min(hi, y)) : (Math.Max(lo, y), hi);

    private readonly struct Context(
        double k, double tau, double r, double q, double sigma, double lambda, double c0Scale, double c0Inner)
    {
        private readonly double _sqrtTau = Math.Sqrt(tau);
        private readonly double _dfR = DMath.Exp(-r * tau);
        private readonly double _dfQ = DMath.Exp(-q * tau);
        private readonly double _lnK = DMath.Log(k);

        /// <summary>The QD+ residual at B = e^(lnB); negative below the root and positive above it.</summary>
        internal double Equation(double lnB)
        {
            var b = DMath.Exp(lnB);
            var sd = sigma * _sqrtTau;
            var dPlus = ((lnB - _lnK + ((r - q) * tau)) / sd) + (0.5 * sd);
            var dMinus = dPlus - sd;
            var nPlus = Normal.Cdf(-dPlus);
            var nMinus = Normal.Cdf(-dMinus);
            var put = (k * _dfR * nMinus) - (b * _dfQ * nPlus);
            var putDTau = (b * _dfQ * Normal.Pdf(dPlus) * sigma / (2.0 * _sqrtTau)) - (r * k * _dfR * nMinus) + (q * b * _dfQ * nPlus);
            var premium = k - b - put;
            var c0TimesPremium = c0Scale * ((c0Inner * premium) + (putDTau / (r * _dfR)));
            return ((1.0 - (_dfQ * nPlus)) * b) + (lambda * premium) + c0TimesPremium;
        }
    }
}
