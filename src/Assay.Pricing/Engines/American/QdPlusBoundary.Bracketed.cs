using Assay.Numerics;

namespace Assay.Pricing.Engines.American;

/// <remarks>
/// The scalar fallback for nodes where the fixed Newton steps did not converge: secant steps on y = ln(B/X) inside
/// the bracket known so far (bisection when a step leaves it), to <see cref="LogTolerance"/>. It is only reached in
/// ill-conditioned corners (r·τ of order 1e-12 and below, where the QD+ residual is mostly rounding), where the
/// bracket keeps the start inside (0, X) and monotone enough for the fixed-point iteration.
/// </remarks>
internal static partial class QdPlusBoundary
{
    private const int SecantIterationsMax = 60;
    private const double LogTolerance = 1e-12;

    /// <summary>Solves the QD+ equation at one node by bracketed secant steps and returns y = ln(B/X) &lt;= 0.</summary>
    private static double SolveBracketed(double k, double tau, double r, double q, double sigma, double lnX)
    {
        var sigma2 = sigma * sigma;
        var alpha = 2.0 * r / sigma2;
        var beta = 2.0 * (r - q) / sigma2;
        var h = -DMath.Expm1(-r * tau);
        var betaMinusOne = beta - 1.0;
        var root = Math.Sqrt((betaMinusOne * betaMinusOne) + (4.0 * alpha / h));
        var lambda = NegativeRoot(betaMinusOne, root, alpha / h);
        var lambdaPrime = alpha / (h * h * root);

        // 2λ + β − 1 = −root.
        var c0Scale = (1.0 - h) * alpha / root;
        var c0Inner = (1.0 / h) - (lambdaPrime / root);
        var ctx = new Residual(k, tau, r, q, sigma, lambda, c0Scale, c0Inner);

        // Started just below X, like the sequential solver this replaces at its first (shortest) node.
        var y = -1e-6;
        var g = ctx.Evaluate(lnX + y);
        var yPrevious = y - Math.Max(0.01 * Math.Abs(y), 1e-4);
        var gPrevious = ctx.Evaluate(lnX + yPrevious);
        double lo = double.NegativeInfinity, hi = 0.0;
        (lo, hi) = Narrow(lo, hi, y, g);
        (lo, hi) = Narrow(lo, hi, yPrevious, gPrevious);
        for (var iteration = 0; iteration < SecantIterationsMax; iteration++)
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

            g = ctx.Evaluate(lnX + y);
            (lo, hi) = Narrow(lo, hi, y, g);
        }

        return Math.Min(y, 0.0);
    }

    private static (double Lo, double Hi) Narrow(double lo, double hi, double y, double g) =>
        g > 0 ? (lo, Math.Min(hi, y)) : (Math.Max(lo, y), hi);

    private readonly struct Residual(
        double k, double tau, double r, double q, double sigma, double lambda, double c0Scale, double c0Inner)
    {
        private readonly double _sqrtTau = Math.Sqrt(tau);
        private readonly double _dfR = DMath.Exp(-r * tau);
        private readonly double _dfQ = DMath.Exp(-q * tau);
        private readonly double _lnK = DMath.Log(k);

        /// <summary>The QD+ residual at B = e^(lnB); negative below the root and positive above it.</summary>
        internal double Evaluate(double lnB)
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
