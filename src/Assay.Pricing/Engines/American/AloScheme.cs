namespace Assay.Pricing.Engines.American;

/// <summary>The discretisation of the Andersen–Lake–Offengelds method: nodes, iterations, quadrature and their tables.</summary>
/// <remarks>
/// n = Chebyshev intervals for the boundary (n + 1 nodes in √τ), m = fixed-point iterations, l = Gauss–Legendre order of the boundary integrals,
/// p = Gauss–Legendre order of the final premium integral (ALO 2016, §5, name them (l, m, n, p)). Because the
/// integrals use u = τ sin²θ, the Chebyshev abscissa of every quadrature point, ξ = (1 + ξ_i)·sin θ_j − 1, does not
/// depend on the option, so the interpolation weights from node values to quadrature points are built once here.
/// </remarks>
internal sealed class AloScheme
{
    internal AloScheme(int intervals, int iterations, int boundaryOrder, int premiumOrder)
    {
        Grid = new ChebyshevGrid(intervals);
        Iterations = iterations;
        BoundaryRule = new QuadratureRule(boundaryOrder);
        PremiumRule = new QuadratureRule(premiumOrder);

        var n = intervals;
        BoundaryInterpolation = new double[n * boundaryOrder * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < boundaryOrder; j++)
            {
                var xi = ((1.0 + Grid.Nodes[i]) * BoundaryRule.Sines[j]) - 1.0;
                Grid.Weights(xi, BoundaryInterpolation.AsSpan(((i * boundaryOrder) + j) * n, n));
            }
        }

        PremiumInterpolation = new double[premiumOrder * n];
        for (var j = 0; j < premiumOrder; j++)
        {
            Grid.Weights((2.0 * PremiumRule.Sines[j]) - 1.0, PremiumInterpolation.AsSpan(j * n, n));
        }
    }

    /// <summary>The production scheme (chosen in docs/pricing-american.md from the measured error against QuantLib).</summary>
    internal static AloScheme Default { get; } = new(8, 4, 10, 20);

    internal ChebyshevGrid Grid { get; }

    internal int Iterations { get; }

    internal QuadratureRule BoundaryRule { get; }

    internal QuadratureRule PremiumRule { get; }

    /// <summary>Weights [(i·l + j)·n + m] giving H at boundary-integral point j of node i from node values H_m, m &lt; n.</summary>
    internal double[] BoundaryInterpolation { get; }

    /// <summary>Weights [j·n + m] giving H at premium-integral point j from node values H_m, m &lt; n.</summary>
    internal double[] PremiumInterpolation { get; }
}
