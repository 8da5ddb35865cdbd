namespace Assay.Pricing.Engines.American;

/// <summary>Gauss–Legendre nodes and weights on [−1, 1], computed deterministically from IEEE operations only.</summary>
/// <remarks>
/// Nodes are the roots of the Legendre polynomial P_n found by Newton's method from the classical initial guess
/// cos(π(i − 1/4)/(n + 1/2)); the cosine is <see cref="CosPi"/>, a Taylor polynomial, so no libm call is made and
/// the tables are the same bits on every machine. Nodes are stored in increasing order and are exactly symmetric.
/// </remarks>
internal sealed class QuadratureRule
{
    private const int NewtonIterationsMax = 100;

    internal QuadratureRule(int order)
    {
        Order = order;
        Nodes = new double[order];
        Weights = new double[order];
        var half = (order + 1) / 2;
        for (var i = 0; i < half; i++)
        {
            // Root i (counted from the largest) of P_n.
            var x = CosPi((i + 0.75) / (order + 0.5));
            double derivative = 0;
            for (var iteration = 0; iteration < NewtonIterationsMax; iteration++)
            {
                var (p, dp) = Legendre(order, x);
                derivative = dp;
                var step = p / dp;
                x -= step;
                if (Math.Abs(step) <= 1e-16)
                {
                    break;
                }
            }

            (_, derivative) = Legendre(order, x);
            var weight = 2.0 / ((1.0 - (x * x)) * derivative * derivative);
            Nodes[order - 1 - i] = x;
            Nodes[i] = -x;
            Weights[order - 1 - i] = weight;
            Weights[i] = weight;
        }

        if (order % 2 == 1)
        {
            Nodes[order / 2] = 0.0;
        }

        // The same rule mapped to θ = π(1 + y)/4 in [0, π/2]: sin θ, cos θ and the weight times dθ/dy = π/4.
        Sines = new double[order];
        Cosines = new double[order];
        ArcWeights = new double[order];
        for (var i = 0; i < order; i++)
        {
            Cosines[i] = CosPi(0.25 * (1.0 + Nodes[i]));
            Sines[i] = CosPi(0.25 * (1.0 - Nodes[i]));
            ArcWeights[i] = 0.25 * Math.PI * Weights[i];
        }
    }

    /// <summary>sin θ_i at the nodes mapped to θ in [0, π/2].</summary>
    internal double[] Sines { get; }

    /// <summary>cos θ_i at the nodes mapped to θ in [0, π/2].</summary>
    internal double[] Cosines { get; }

    /// <summary>Weights for integrals over θ in [0, π/2] (the [−1, 1] weights times π/4).</summary>
    internal double[] ArcWeights { get; }

    /// <summary>Number of nodes.</summary>
    internal int Order { get; }

    /// <summary>Nodes in increasing order.</summary>
    internal double[] Nodes { get; }

    /// <summary>Weights matching <see cref="Nodes"/>; they sum to 2.</summary>
    internal double[] Weights { get; }

    /// <summary>cos(π·x) for x in [0, 1], from a Taylor polynomial (deterministic, about 1 ulp).</summary>
    internal static double CosPi(double x)
    {
        if (x > 0.5)
        {
            return -CosPi(1.0 - x);
        }

        if (x > 0.25)
        {
            return SinReduced(Math.PI * (0.5 - x));
        }

        return CosReduced(Math.PI * x);
    }

    private static double CosReduced(double y)
    {
        // |y| <= π/4: the Taylor series to y^20 is below 1e-20 in remainder.
        var y2 = y * y;
        var sum = 0.0;
        for (var n = 10; n >= 1; n--)
        {
            sum = (1.0 - sum) * y2 / ((2 * n) * ((2 * n) - 1));
        }

        return 1.0 - sum;
    }

    private static double SinReduced(double y)
    {
        var y2 = y * y;
        var sum = 0.0;
        for (var n = 10; n >= 1; n--)
        {
            sum = (1.0 - sum) * y2 / ((2 * n) * ((2 * n) + 1));
        }

        return y * (1.0 - sum);
    }

    private static (double Value, double Derivative) Legendre(int order, double x)
    {
        var p0 = 1.0;
        var p1 = x;
        for (var k = 2; k <= order; k++)
        {
            var p2 = ((((2 * k) - 1) * x * p1) - ((k - 1) * p0)) / k;
            p0 = p1;
            p1 = p2;
        }

        return (p1, order * ((x * p1) - p0) / ((x * x) - 1.0));
    }
}
