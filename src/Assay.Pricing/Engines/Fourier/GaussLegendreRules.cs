using Assay.Numerics;

namespace Assay.Pricing.Engines.Fourier;

/// <summary>Gauss–Legendre nodes and weights on [−1, 1] for a ladder of orders growing by about 4/3, computed once, deterministically.</summary>
/// <remarks>
/// Each node is found by Newton's iteration on the three-term Legendre recurrence from Tricomi's initial guess
/// cos(π(i + 3/4)/(n + 1/2)) (Abramowitz &amp; Stegun 22.16.6 / Numerical Recipes §4.6), with the weight
/// 2/((1 − x²)·P'_n(x)²) (A&amp;S 25.4.29). Only IEEE <c>+ − × ÷</c> and <see cref="DMath.Cos(double)"/> are used,
/// with a fixed iteration count, so every machine builds the same tables. Nodes are stored in ascending order.
/// </remarks>
internal static class GaussLegendreRules
{
    /// <summary>The orders of the ladder; all multiples of 4 (one Vector256 holds four nodes).</summary>
    public static ReadOnlySpan<int> Orders => [8, 12, 16, 20, 24, 32, 40, 48, 64, 80, 96, 128, 160, 192, 256, 320, 384, 512];

    private const int NewtonSteps = 8;

    private static readonly double[][] NodeTable = Build(out WeightTable);

    private static readonly double[][] WeightTable;

    /// <summary>The nodes of the rule at ladder position <paramref name="level"/>, ascending.</summary>
    public static ReadOnlySpan<double> Nodes(int level) => NodeTable[level];

    /// <summary>The weights of the rule at ladder position <paramref name="level"/>, matching <see cref="Nodes(int)"/>.</summary>
    public static ReadOnlySpan<double> Weights(int level) => WeightTable[level];

    private static double[][] Build(out double[][] weights)
    {
        var orders = Orders;
        var nodes = new double[orders.Length][];
        weights = new double[orders.Length][];
        for (var level = 0; level < orders.Length; level++)
        {
            var n = orders[level];
            var x = new double[n];
            var w = new double[n];
            for (var i = 0; i < n / 2; i++)
            {
                var z = DMath.Cos(Math.PI * (i + 0.75) / (n + 0.5));
                var derivative = 0.0;
                for (var step = 0; step < NewtonSteps; step++)
                {
                    var value = Legendre(n, z, out derivative);
                    z -= value / derivative;
                }

                Legendre(n, z, out derivative);
                var weight = 2.0 / ((1.0 - (z * z)) * derivative * derivative);
                x[i] = -z;
                x[n - 1 - i] = z;
                w[i] = weight;
                w[n - 1 - i] = weight;
            }

            nodes[level] = x;
            weights[level] = w;
        }

        return nodes;
    }

    /// <summary>P_n(z) by the three-term recurrence, and P'_n(z) = n(z·P_n − P_{n−1})/(z² − 1).</summary>
    private static double Legendre(int n, double z, out double derivative)
    {
        var p = 1.0;
        var previous = 0.0;
        for (var j = 1; j <= n; j++)
        {
            var older = previous;
            previous = p;
            p = ((((2.0 * j) - 1.0) * z * previous) - ((j - 1.0) * older)) / j;
        }

        derivative = n * ((z * p) - previous) / ((z * z) - 1.0);
        return p;
    }
}
