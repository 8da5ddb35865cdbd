namespace Assay.Pricing.Engines.American;

/// <summary>Interpolation on the n + 1 Chebyshev extrema ξ_i = cos(iπ/n), i = 0..n, of [−1, 1].</summary>
/// <remarks>
/// Node 0 is ξ = 1 and node n is ξ = −1. Coefficients come from the discrete cosine transform with halved end
/// terms, and the interpolant is evaluated by Clenshaw's recurrence; the cosine table is built once with
/// <see cref="QuadratureRule.CosPi"/>, so everything is plain IEEE arithmetic in a fixed order.
/// </remarks>
internal sealed class ChebyshevGrid
{
    private readonly double[] _cosines;

    internal ChebyshevGrid(int intervals)
    {
        Intervals = intervals;
        Nodes = new double[intervals + 1];
        _cosines = new double[(intervals + 1) * (intervals + 1)];
        for (var i = 0; i <= intervals; i++)
        {
            Nodes[i] = QuadratureRule.CosPi((double)i / intervals);
        }

        for (var k = 0; k <= intervals; k++)
        {
            for (var i = 0; i <= intervals; i++)
            {
                // cos(k·i·π/n) with the angle reduced to [0, π] exactly in integers.
                var j = k * i % (2 * intervals);
                j = j > intervals ? (2 * intervals) - j : j;
                _cosines[(k * (intervals + 1)) + i] = QuadratureRule.CosPi((double)j / intervals);
            }
        }
    }

    /// <summary>Number of intervals n (there are n + 1 nodes).</summary>
    internal int Intervals { get; }

    /// <summary>The nodes ξ_i = cos(iπ/n), decreasing from 1 to −1.</summary>
    internal double[] Nodes { get; }

    /// <summary>Computes Clenshaw-ready coefficients b_k (end terms already halved) from node values.</summary>
    internal void Fit(ReadOnlySpan<double> values, Span<double> coefficients)
    {
        var n = Intervals;
        var scale = 2.0 / n;
        for (var k = 0; k <= n; k++)
        {
            var row = k * (n + 1);
            var sum = 0.5 * ((values[0] * _cosines[row]) + (values[n] * _cosines[row + n]));
            for (var i = 1; i < n; i++)
            {
                sum += values[i] * _cosines[row + i];
            }

            coefficients[k] = (k == 0 || k == n ? 0.5 : 1.0) * scale * sum;
        }
    }

    /// <summary>Writes the weights w_m (m &lt; n) with interpolant(ξ) = Σ w_m·value_m when value_n = 0.</summary>
    /// <remarks>Each weight is the interpolant of the m-th unit vector, so it is the same linear map as <see cref="Fit"/> then <see cref="Evaluate"/>.</remarks>
    internal void Weights(double xi, Span<double> weights)
    {
        var n = Intervals;
        Span<double> unit = stackalloc double[n + 1];
        Span<double> coefficients = stackalloc double[n + 1];
        for (var m = 0; m < n; m++)
        {
            unit.Clear();
            unit[m] = 1.0;
            Fit(unit, coefficients);
            weights[m] = Evaluate(coefficients, xi);
        }
    }

    /// <summary>Evaluates Σ b_k T_k(ξ) by Clenshaw's recurrence.</summary>
    internal static double Evaluate(ReadOnlySpan<double> coefficients, double xi)
    {
        var twoXi = xi + xi;
        double b1 = 0, b2 = 0;
        for (var k = coefficients.Length - 1; k >= 1; k--)
        {
            var b0 = (twoXi * b1) - b2 + coefficients[k];
            b2 = b1;
            b1 = b0;
        }

        return (xi * b1) - b2 + coefficients[0];
    }
}
