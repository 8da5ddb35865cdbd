namespace Assay.Pricing.Engines.American;

/// <summary>The discretisation of the Andersen–Lake–Offengelds method: nodes, iterations, quadrature and their tables.</summary>
/// <remarks>
/// <para>
/// n = Chebyshev intervals for the boundary (n + 1 nodes in √τ), m = fixed-point iterations, l = Gauss–Legendre order of the boundary integrals,
/// p = Gauss–Legendre order of the final premium integral (ALO 2016, §5, name them (l, m, n, p)). Because the
/// integrals use u = τ sin²θ, the Chebyshev abscissa of every quadrature point, ξ = (1 + ξ_i)·sin θ_j − 1, does not
/// depend on the option, so the interpolation weights from node values to quadrature points are built once here,
/// and so are u/T, z/√T (z² = τ − u) and the quadrature weight of every point.
/// </para>
/// <para>
/// Every table is laid out for <see cref="System.Runtime.Intrinsics.Vector256{T}"/>: the n active nodes
/// (i = 0..n − 1; node n is τ = 0) are padded to <see cref="NodeCount"/>, the n·l boundary points (node-major,
/// p = i·l + j) to <see cref="BoundaryPointCount"/> and the premium points to <see cref="PremiumPointCount"/>, all
/// multiples of <see cref="Lanes"/>. Padding points have weight 0, u = 0, z = 1 and interpolation weights 0, so they
/// stay finite and add exact zeros.
/// </para>
/// </remarks>
internal sealed class AloScheme
{
    /// <summary>Doubles per <see cref="System.Runtime.Intrinsics.Vector256{T}"/>.</summary>
    internal const int Lanes = 4;

    internal AloScheme(int intervals, int iterations, int boundaryOrder, int premiumOrder)
    {
        Grid = new ChebyshevGrid(intervals);
        Iterations = iterations;
        BoundaryRule = new QuadratureRule(boundaryOrder);
        PremiumRule = new QuadratureRule(premiumOrder);

        var n = intervals;
        NodeCount = Pad(n);
        NodeHalf = new double[NodeCount];
        for (var i = 0; i < NodeCount; i++)
        {
            // Padding nodes get √τ = √T/2: finite, and their values are never read back.
            NodeHalf[i] = i < n ? 0.5 * (1.0 + Grid.Nodes[i]) : 0.5;
        }

        var l = boundaryOrder;
        BoundaryPointCount = Pad(n * l);
        BoundaryUOverT = new double[BoundaryPointCount];
        BoundaryZOverSqrtT = new double[BoundaryPointCount];
        BoundaryWeights = new double[BoundaryPointCount];
        BoundaryInterpolation = new double[n * BoundaryPointCount];
        BoundaryZOverSqrtT.AsSpan().Fill(1.0);
        Span<double> weights = stackalloc double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < l; j++)
            {
                // u = τ sin²θ, τ − u = z² with z = √τ cos θ, du = 2τ sin θ cos θ dθ; the factor 2τ cos θ/z = 2√τ is
                // applied per node, so the point keeps the weight w_j·sin θ_j.
                var index = (i * l) + j;
                var sine = BoundaryRule.Sines[j];
                var half = NodeHalf[i];
                BoundaryUOverT[index] = half * half * sine * sine;
                BoundaryZOverSqrtT[index] = half * BoundaryRule.Cosines[j];
                BoundaryWeights[index] = BoundaryRule.ArcWeights[j] * sine;
                Grid.Weights(((1.0 + Grid.Nodes[i]) * sine) - 1.0, weights);
                for (var m = 0; m < n; m++)
                {
                    BoundaryInterpolation[(m * BoundaryPointCount) + index] = weights[m];
                }
            }
        }

        var order = premiumOrder;
        PremiumPointCount = Pad(order);
        PremiumUOverT = new double[PremiumPointCount];
        PremiumZOverSqrtT = new double[PremiumPointCount];
        PremiumWeights = new double[PremiumPointCount];
        PremiumInterpolation = new double[n * PremiumPointCount];
        PremiumZOverSqrtT.AsSpan().Fill(1.0);
        for (var j = 0; j < order; j++)
        {
            var sine = PremiumRule.Sines[j];
            var cosine = PremiumRule.Cosines[j];
            PremiumUOverT[j] = sine * sine;
            PremiumZOverSqrtT[j] = cosine;
            PremiumWeights[j] = PremiumRule.ArcWeights[j] * sine * cosine;
            Grid.Weights((2.0 * sine) - 1.0, weights);
            for (var m = 0; m < n; m++)
            {
                PremiumInterpolation[(m * PremiumPointCount) + j] = weights[m];
            }
        }
    }

    /// <summary>The production scheme (chosen in docs/pricing-american.md from the measured error against QuantLib).</summary>
    internal static AloScheme Default { get; } = new(8, 4, 8, 20);

    /// <summary>The scheme for FP-A where FP-B does not contract: 16 intervals, 16 sweeps, orders 16 and 64 (docs/pricing-american.md).</summary>
    internal static AloScheme Stable { get; } = new(16, 16, 16, 64);

    internal ChebyshevGrid Grid { get; }

    internal int Iterations { get; }

    internal QuadratureRule BoundaryRule { get; }

    internal QuadratureRule PremiumRule { get; }

    /// <summary>Active nodes n padded up to a multiple of <see cref="Lanes"/>.</summary>
    internal int NodeCount { get; }

    /// <summary>(1 + ξ_i)/2 per node, so that √τ_i = √T·NodeHalf[i].</summary>
    internal double[] NodeHalf { get; }

    /// <summary>n·l padded up to a multiple of <see cref="Lanes"/>.</summary>
    internal int BoundaryPointCount { get; }

    /// <summary>u/T at boundary point p = i·l + j.</summary>
    internal double[] BoundaryUOverT { get; }

    /// <summary>z/√T at boundary point p, with z² = τ_i − u.</summary>
    internal double[] BoundaryZOverSqrtT { get; }

    /// <summary>Quadrature weight w_j·sin θ_j at boundary point p (0 for padding).</summary>
    internal double[] BoundaryWeights { get; }

    /// <summary>Weights [m·<see cref="BoundaryPointCount"/> + p] giving H at boundary point p from node values H_m, m &lt; n.</summary>
    internal double[] BoundaryInterpolation { get; }

    /// <summary>p padded up to a multiple of <see cref="Lanes"/>.</summary>
    internal int PremiumPointCount { get; }

    /// <summary>u/T = sin²θ_j at premium point j.</summary>
    internal double[] PremiumUOverT { get; }

    /// <summary>z/√T = cos θ_j at premium point j, with z² = T − u.</summary>
    internal double[] PremiumZOverSqrtT { get; }

    /// <summary>Quadrature weight w_j·sin θ_j·cos θ_j at premium point j (0 for padding).</summary>
    internal double[] PremiumWeights { get; }

    /// <summary>Weights [m·<see cref="PremiumPointCount"/> + j] giving H at premium point j from node values H_m, m &lt; n.</summary>
    internal double[] PremiumInterpolation { get; }

    private static int Pad(int count) => (count + Lanes - 1) / Lanes * Lanes;
}
