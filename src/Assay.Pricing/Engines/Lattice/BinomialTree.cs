using System.Buffers;
using Assay.Numerics;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Engines.Lattice;

/// <summary>Reference binomial-tree pricer (Cox–Ross–Rubinstein or Leisen–Reimer) for European and American vanillas.</summary>
/// <remarks>
/// <para>
/// The tree is extended two steps before today (Pelsser and Vorst 1994, "The binomial model and the Greeks",
/// Journal of Derivatives 1(3)): it starts at t = −2Δt from S/(ud) so that the three nodes at t = 0 are
/// S·d/u, S and S·u/d. The middle node is exactly the n-step price; delta and gamma are the first and second
/// divided differences over the three nodes; theta is (V(0, S) − V(−2Δt, S/(ud)))/(2Δt), with a second-order
/// Taylor correction in spot when ud ≠ 1 (Leisen–Reimer). American exercise is checked at every node.
/// </para>
/// <para>
/// Leisen and Reimer (1996), "Binomial models for option valuation – examining and improving convergence",
/// Applied Mathematical Finance 3: p = h(d₂), p' = h(d₁) with Peizer–Pratt inversion method 2
/// h(z) = ½ + sign(z)·½·√(1 − exp(−(z/(n + 1/3 + 0.1/(n + 1)))²·(n + 1/6))), u = e^((r−q)Δt)p'/p,
/// d = (e^((r−q)Δt) − pu)/(1 − p), n odd. Richardson extrapolation combines n and n₂ = 2n + 1 steps as
/// (n₂²V₂ − n²V₁)/(n₂² − n²), i.e. it assumes the 1/n² error of Leisen–Reimer on European options; for American
/// options it removes most but not all of the error (docs/pricing-american.md).
/// </para>
/// <para>
/// Vega and rho are central bump-and-reprice differences with steps <see cref="VolatilityBump"/> and
/// <see cref="RateBump"/> (absolute). Cost is O(n²) time and O(n) memory; n ≤ <see cref="BinomialTreeParameters.StepsMax"/>.
/// </para>
/// </remarks>
public static class BinomialTree
{
    /// <summary>Absolute volatility step of the central vega difference.</summary>
    public const double VolatilityBump = 1e-3;

    /// <summary>Absolute rate step of the central rho difference.</summary>
    public const double RateBump = 1e-4;

    private const int StackNodesMax = 1024;

    /// <summary>Price of the option described by <paramref name="p"/>.</summary>
    public static double Price(in BinomialTreeParameters p)
    {
        p.Validate();
        return Extrapolated(p).Price;
    }

    /// <summary>Price and Greeks of the option described by <paramref name="p"/>.</summary>
    public static BinomialTreeResult Greeks(in BinomialTreeParameters p)
    {
        p.Validate();
        var centre = Extrapolated(p);
        var volUp = Extrapolated(p with { Volatility = p.Volatility + VolatilityBump }).Price;
        var volDown = Extrapolated(p with { Volatility = Math.Max(p.Volatility - VolatilityBump, 0.5 * p.Volatility) }).Price;
        var volStep = p.Volatility + VolatilityBump - Math.Max(p.Volatility - VolatilityBump, 0.5 * p.Volatility);
        var rateUp = Extrapolated(p with { Rate = p.Rate + RateBump }).Price;
        var rateDown = Extrapolated(p with { Rate = p.Rate - RateBump }).Price;
        return new BinomialTreeResult(
            centre.Price, centre.Delta, centre.Gamma, (volUp - volDown) / volStep, centre.Theta, (rateUp - rateDown) / (2 * RateBump));
    }

    /// <summary>Price, delta, gamma and theta from the tree nodes only (no bumped trees); inputs already validated.</summary>
    internal static NodeGreeks Extrapolated(in BinomialTreeParameters p)
    {
        var steps = p.Scheme == BinomialScheme.LeisenReimer && p.Steps % 2 == 0 ? p.Steps + 1 : p.Steps;
        var coarse = Roll(p, steps);
        if (!p.Richardson || p.Scheme != BinomialScheme.LeisenReimer)
        {
            return coarse;
        }

        var fineSteps = (2 * steps) + 1;
        var fine = Roll(p, fineSteps);
        var w1 = (double)steps * steps;
        var w2 = (double)fineSteps * fineSteps;
        var scale = 1.0 / (w2 - w1);
        return new NodeGreeks(
            ((w2 * fine.Price) - (w1 * coarse.Price)) * scale,
            ((w2 * fine.Delta) - (w1 * coarse.Delta)) * scale,
            ((w2 * fine.Gamma) - (w1 * coarse.Gamma)) * scale,
            ((w2 * fine.Theta) - (w1 * coarse.Theta)) * scale);
    }

    private static NodeGreeks Roll(in BinomialTreeParameters p, int steps)
    {
        var s = p.Spot;
        var k = p.Strike;
        var t = p.ExpiryYears;
        var r = p.Rate;
        var q = p.DividendYield;
        var sigma = p.Volatility;
        var dt = t / steps;
        var growth = DMath.Exp((r - q) * dt);
        double up, down, prob;
        if (p.Scheme == BinomialScheme.CoxRossRubinstein)
        {
            var lnUp = sigma * Math.Sqrt(dt);
            up = DMath.Exp(lnUp);
            down = DMath.Exp(-lnUp);
            prob = (growth - down) / (up - down);
        }
        else
        {
            var sd = sigma * Math.Sqrt(t);
            var d1 = ((DMath.Log(s / k) + ((r - q) * t)) / sd) + (0.5 * sd);
            var d2 = d1 - sd;
            prob = PeizerPrattInversion2(d2, steps);
            var probDash = PeizerPrattInversion2(d1, steps);
            up = growth * probDash / prob;
            down = (growth - (prob * up)) / (1.0 - prob);
        }

        if (!(prob > 0.0 && prob < 1.0 && down > 0.0 && up > down))
        {
            InputGuard.Fail(
                "steps",
                $"steps = {steps} is too few for this tree: the up probability {prob:R} is outside (0, 1)");
        }

        var discount = DMath.Exp(-r * dt);
        var pUp = discount * prob;
        var pDown = discount * (1.0 - prob);
        var isCall = p.Type == OptionType.Call;
        var american = p.Exercise == ExerciseStyle.American;
        var total = steps + 2;
        var lnDown = DMath.Log(down);
        var root = s / (up * down);
        var ratio = up / down;

        double[]? rented = null;
        var values = total + 1 <= StackNodesMax
            ? stackalloc double[total + 1]
            : (rented = ArrayPool<double>.Shared.Rent(total + 1)).AsSpan(0, total + 1);
        try
        {
            // Terminal layer: node j has spot root·u^j·d^(total−j).
            var spot = root * DMath.Exp(total * lnDown);
            for (var j = 0; j <= total; j++)
            {
                values[j] = Math.Max(isCall ? spot - k : k - spot, 0.0);
                spot *= ratio;
            }

            double v20 = 0, v21 = 0, v22 = 0;
            for (var i = total - 1; i >= 0; i--)
            {
                spot = root * DMath.Exp(i * lnDown);
                for (var j = 0; j <= i; j++)
                {
                    var continuation = (pUp * values[j + 1]) + (pDown * values[j]);
                    values[j] = american ? Math.Max(continuation, isCall ? spot - k : k - spot) : continuation;
                    spot *= ratio;
                }

                if (i == 2)
                {
                    v20 = values[0];
                    v21 = values[1];
                    v22 = values[2];
                }
            }

            var sLow = s * down / up;
            var sHigh = s * up / down;
            var delta = (v22 - v20) / (sHigh - sLow);
            var gamma = (((v22 - v21) / (sHigh - s)) - ((v21 - v20) / (s - sLow))) / (0.5 * (sHigh - sLow));
            var shift = s - root;
            var earlier = values[0] + (delta * shift) + (0.5 * gamma * shift * shift);
            var theta = (v21 - earlier) / (2.0 * dt);
            return new NodeGreeks(v21, delta, gamma, theta);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    private static double PeizerPrattInversion2(double z, int steps)
    {
        var a = z / (steps + (1.0 / 3.0) + (0.1 / (steps + 1)));
        var root = 0.5 * Math.Sqrt(1.0 - DMath.Exp(-(a * a) * (steps + (1.0 / 6.0))));
        return z > 0 ? 0.5 + root : z < 0 ? 0.5 - root : 0.5;
    }

    internal readonly record struct NodeGreeks(double Price, double Delta, double Gamma, double Theta);
}
