namespace Assay.Pricing.Surfaces.Calibration;

/// <summary>The inner problem of the quasi-explicit SVI fit: for fixed (m, σ), the constrained weighted least squares in (a, d, c).</summary>
/// <remarks>
/// <para>
/// Zeliade Systems (2009), "Quasi-explicit calibration of Gatheral's SVI model", white paper ZWP-0005: with
/// y = (k − m)/σ the slice is w = a + d·y + c·√(y² + 1), d = ρbσ, c = bσ, which is linear in (a, d, c).
/// </para>
/// <para>
/// The feasible set is a polyhedron (all constraints linear in (a, d, c)):
/// |d| ≤ ρ_max·c (|ρ| ≤ ρ_max, hence c ≥ 0); c + |d| ≤ 2σ (Lee: b(1 + |ρ|) ≤ 2); a ≤ max vᵢ (Zeliade's cap);
/// and a + c·L(d/c) ≥ 0, where L is the chord interpolation of √(1 − ρ²) through ρ = −1, −0.6, 0, 0.6, 1. Because √(1 − ρ²)
/// is concave, L ≤ √(1 − ρ²), so these four linear cuts imply the exact condition a + bσ√(1 − ρ²) ≥ 0 (minimum total
/// variance not negative) and give up at most 0.24·bσ of the admissible range of a (at |ρ| ≈ 0.89).
/// </para>
/// <para>
/// The problem is a strictly convex quadratic programme in three unknowns (when at least three distinct k are quoted),
/// so its minimum is the feasible stationary point with the smallest objective among all equality-constrained
/// problems over at most three active constraints. We enumerate those 130 active sets in a fixed order, solving each
/// KKT system by Gaussian elimination with partial pivoting: exact, no iteration and no tolerance on convergence,
/// hence the same bits everywhere. The unconstrained solution is tried first and returned when feasible.
/// </para>
/// </remarks>
internal static class SviLinearProblem
{
    /// <summary>The number of linear constraints.</summary>
    public const int ConstraintCount = 9;

    /// <summary>Feasibility slack, relative to the scale of the right-hand side.</summary>
    private const double FeasibilityTolerance = 1e-12;

    /// <summary>Active sets of size 0 … 3 over the nine constraints, as bit masks, in a fixed order.</summary>
    private static readonly int[] ActiveSets = BuildActiveSets();

    /// <summary>Solves the inner problem; returns the objective Σwᵢ(w(kᵢ) − vᵢ)² and the coefficients (a, d, c).</summary>
    /// <param name="normal">The 3×3 normal matrix XᵀWX, row major (6 distinct entries used symmetrically).</param>
    /// <param name="rhs">XᵀWv.</param>
    /// <param name="constant">vᵀWv.</param>
    /// <param name="sigma">σ of the current (m, σ).</param>
    /// <param name="aMax">The cap on a.</param>
    /// <param name="solution">(a, d, c) on return.</param>
    public static double Solve(ReadOnlySpan<double> normal, ReadOnlySpan<double> rhs, double constant, double sigma, double aMax, Span<double> solution)
    {
        Span<double> g = stackalloc double[ConstraintCount * 3];
        Span<double> h = stackalloc double[ConstraintCount];
        BuildConstraints(sigma, aMax, g, h);

        Span<double> candidate = stackalloc double[3];
        var best = double.PositiveInfinity;
        solution.Clear();
        foreach (var mask in ActiveSets)
        {
            if (!TrySolveActive(normal, rhs, g, h, mask, candidate) || !IsFeasible(g, h, candidate))
            {
                continue;
            }

            var f = Objective(normal, rhs, constant, candidate);
            if (f < best)
            {
                best = f;
                candidate.CopyTo(solution);
            }

            if (mask == 0)
            {
                // The unconstrained minimum is feasible, hence optimal.
                break;
            }
        }

        return best;
    }

    /// <summary>The constraint rows G·(a, d, c) ≤ h.</summary>
    private static void BuildConstraints(double sigma, double aMax, Span<double> g, Span<double> h)
    {
        var rho = Surfaces.SviLimits.RhoMax;
        var lee = Surfaces.SviLimits.WingSlopeMax * sigma;
        Row(g, h, 0, 0, 1, -rho, 0);            // d − ρ_max·c ≤ 0
        Row(g, h, 1, 0, -1, -rho, 0);           // −d − ρ_max·c ≤ 0
        Row(g, h, 2, 0, 1, 1, lee);             // c + d ≤ 2σ
        Row(g, h, 3, 0, -1, 1, lee);            // c − d ≤ 2σ
        Row(g, h, 4, 1, 0, 0, aMax);            // a ≤ max v

        // a + c·L(d/c) ≥ 0 with L the chords of √(1 − ρ²) through ρ = ±1, ±0.6, 0:
        // on [−1, −0.6] L = 2(1 + ρ); on [−0.6, 0] L = 1 + ρ/3; mirrored for ρ > 0.
        Row(g, h, 5, -1, -2, -2, 0);            // −a − 2d − 2c ≤ 0
        Row(g, h, 6, -1, -1.0 / 3.0, -1, 0);    // −a − d/3 − c ≤ 0
        Row(g, h, 7, -1, 1.0 / 3.0, -1, 0);     // −a + d/3 − c ≤ 0
        Row(g, h, 8, -1, 2, -2, 0);             // −a + 2d − 2c ≤ 0
    }

    private static void Row(Span<double> g, Span<double> h, int i, double ga, double gd, double gc, double hi)
    {
        g[3 * i] = ga;
        g[(3 * i) + 1] = gd;
        g[(3 * i) + 2] = gc;
        h[i] = hi;
    }

    private static bool IsFeasible(ReadOnlySpan<double> g, ReadOnlySpan<double> h, ReadOnlySpan<double> x)
    {
        var scale = Math.Abs(x[0]) + Math.Abs(x[1]) + Math.Abs(x[2]);
        for (var i = 0; i < ConstraintCount; i++)
        {
            var lhs = (g[3 * i] * x[0]) + (g[(3 * i) + 1] * x[1]) + (g[(3 * i) + 2] * x[2]);
            if (lhs > h[i] + (FeasibilityTolerance * (scale + Math.Abs(h[i]))))
            {
                return false;
            }
        }

        return true;
    }

    private static double Objective(ReadOnlySpan<double> normal, ReadOnlySpan<double> rhs, double constant, ReadOnlySpan<double> x)
    {
        var quadratic = 0.0;
        for (var i = 0; i < 3; i++)
        {
            var row = (normal[3 * i] * x[0]) + (normal[(3 * i) + 1] * x[1]) + (normal[(3 * i) + 2] * x[2]);
            quadratic += x[i] * row;
        }

        var linear = (rhs[0] * x[0]) + (rhs[1] * x[1]) + (rhs[2] * x[2]);
        return Math.Max(quadratic - (2.0 * linear) + constant, 0.0);
    }

    /// <summary>Solves [H Aᵀ; A 0][x; λ] = [r; h_A] for the active rows in <paramref name="mask"/>.</summary>
    private static bool TrySolveActive(ReadOnlySpan<double> normal, ReadOnlySpan<double> rhs, ReadOnlySpan<double> g, ReadOnlySpan<double> h, int mask, Span<double> x)
    {
        const int MaxSize = 6;
        Span<int> rows = stackalloc int[3];
        var p = 0;
        for (var i = 0; i < ConstraintCount; i++)
        {
            if ((mask & (1 << i)) != 0)
            {
                rows[p++] = i;
            }
        }

        var n = 3 + p;
        Span<double> m = stackalloc double[MaxSize * (MaxSize + 1)];
        var stride = n + 1;
        m.Clear();
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                m[(i * stride) + j] = normal[(3 * i) + j];
            }

            m[(i * stride) + n] = rhs[i];
        }

        for (var q = 0; q < p; q++)
        {
            var r = rows[q];
            for (var j = 0; j < 3; j++)
            {
                m[((3 + q) * stride) + j] = g[(3 * r) + j];
                m[(j * stride) + 3 + q] = g[(3 * r) + j];
            }

            m[((3 + q) * stride) + n] = h[r];
        }

        if (!GaussianElimination.Solve(m, n))
        {
            return false;
        }

        for (var i = 0; i < 3; i++)
        {
            x[i] = m[(i * stride) + n];
        }

        return double.IsFinite(x[0]) && double.IsFinite(x[1]) && double.IsFinite(x[2]);
    }

    private static int[] BuildActiveSets()
    {
        var sets = new List<int> { 0 };
        for (var i = 0; i < ConstraintCount; i++)
        {
            sets.Add(1 << i);
        }

        for (var i = 0; i < ConstraintCount; i++)
        {
            for (var j = i + 1; j < ConstraintCount; j++)
            {
                sets.Add((1 << i) | (1 << j));
            }
        }

        for (var i = 0; i < ConstraintCount; i++)
        {
            for (var j = i + 1; j < ConstraintCount; j++)
            {
                for (var k = j + 1; k < ConstraintCount; k++)
                {
                    sets.Add((1 << i) | (1 << j) | (1 << k));
                }
            }
        }

        return [.. sets];
    }
}
