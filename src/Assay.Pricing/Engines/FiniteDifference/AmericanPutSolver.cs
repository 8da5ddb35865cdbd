using System.Buffers;
using Assay.Numerics;

namespace Assay.Pricing.Engines.FiniteDifference;

/// <summary>Crank–Nicolson with a Rannacher start and an exact complementarity solve per step, for the American put.</summary>
/// <remarks>
/// <para>
/// The put value u(y, τ) solves u_τ = D u_yy + c u_y − r u in the frame y = ln S + v·τ (τ time to expiry,
/// D = σ²/2, μ = r − q − D, v = min(μ, 0), c = μ − v ≥ 0) subject to u ≥ g(y, τ) = max(K − e^(y − vτ), 0). A
/// downward drift is thus carried by the frame, so the payoff kink stays on the strike node and the spot's
/// characteristic ends on a fine part of the mesh; an upward drift stays in the equation, where the exercise
/// boundary's boundary layer (width ~ σ²/(2μ)) sits still next to the strike.
/// </para>
/// <para>
/// Space: three-point differences on the <see cref="SinhMesh"/> with exponential fitting (Il'in, Allen–Southwell):
/// the diffusion at a node is D·P·coth(P), P = c·h_max/(2D), which keeps the matrix an M-matrix at any cell Péclet
/// number and equals D(1 + P²/3 + …) where the mesh is fine. Boundaries: u = 0 at the top (deep out of the money),
/// u = max(K − S, K e^(−rτ) − S e^(−qτ)) at the bottom; both lie at least <see cref="FiniteDifferenceAmerican.Reach"/>
/// standard deviations σ√T from the spot's characteristic and the strike.
/// </para>
/// <para>
/// Time: τₙ = T·(n/N)², the first <see cref="FiniteDifferenceAmerican.DampingSteps"/> steps as two implicit-Euler
/// half steps each, then θ = ½. Each step solves the linear complementarity problem
/// min(A u − b, u − g) = 0 exactly by policy (Howard) iteration: with the exercise set fixed the system is
/// tridiagonal (Thomas algorithm); a node switches to exercise when the solution falls below the obstacle and back
/// when its PDE residual turns negative. For an M-matrix this terminates in finitely many iterations (Bokanowski,
/// Maroso and Zidani, "Some convergence results for Howard's algorithm", SIAM J. Numer. Anal. 47(4), 2009) and
/// it needs no assumption on the shape of the exercise region, which has two boundaries when q &lt; r ≤ 0.
/// </para>
/// </remarks>
internal static class AmericanPutSolver
{
    /// <summary>Below this cell Péclet number P·coth(P) is 1 + P²/3 to double precision.</summary>
    private const double PecletSeriesMax = 1e-4;

    /// <summary>Slots of node-length scratch memory taken from the pool.</summary>
    private const int Slots = 11;

    /// <summary>Prices the put; <paramref name="m"/> space intervals on each side of the strike, <paramref name="n"/> time steps.</summary>
    internal static FiniteDifferenceResult Solve(double s, double k, double t, double r, double q, double sigma, int m, int n)
    {
        sigma = Math.Max(sigma, FiniteDifferenceAmerican.VolatilityFloor);
        var d = 0.5 * sigma * sigma;
        var mu = r - q - d;
        var v = Math.Min(mu, 0.0);
        var c = mu - v;
        var sd = sigma * Math.Sqrt(t);

        // The finest length scale of the solution: diffusion over T, the convection and reaction boundary layers.
        var scale = sd;
        if (c > 0.0)
        {
            scale = Math.Min(scale, d / c);
        }

        if (r != 0.0)
        {
            scale = Math.Min(scale, Math.Sqrt(d / Math.Abs(r)));
        }

        var spotStart = DMath.Log(s / k);
        var spotOffset = spotStart + (v * t);
        // The mesh spans the strike, the spot's offset and its drifted image, widened by Reach·σ√T and by a fixed
        // fraction of that span, so the boundary rows stay many cells away from the spot on the graded mesh.
        var low = Math.Min(0.0, Math.Min(spotOffset, spotOffset + (c * t)));
        var high = Math.Max(0.0, Math.Max(spotOffset, spotOffset + (c * t)));
        var reach = (FiniteDifferenceAmerican.Reach * sd) + (FiniteDifferenceAmerican.Margin * (high - low));
        var left = reach - low;
        var right = high + reach;

        var nodes = (2 * m) + 1;
        var pool = ArrayPool<double>.Shared.Rent(Slots * nodes);
        var policyPool = ArrayPool<bool>.Shared.Rent(nodes);
        try
        {
            var memory = pool.AsSpan(0, Slots * nodes);
            var y = memory.Slice(0 * nodes, nodes);
            var spot = memory.Slice(1 * nodes, nodes);
            var lower = memory.Slice(2 * nodes, nodes);
            var centre = memory.Slice(3 * nodes, nodes);
            var upper = memory.Slice(4 * nodes, nodes);
            var u = memory.Slice(5 * nodes, nodes);
            var rhs = memory.Slice(6 * nodes, nodes);
            var g = memory.Slice(7 * nodes, nodes);
            var cp = memory.Slice(8 * nodes, nodes);
            var dp = memory.Slice(9 * nodes, nodes);
            var exercise = policyPool.AsSpan(0, nodes);

            SinhMesh.Build(FiniteDifferenceAmerican.ConcentrationWidth * scale, left, right, y);
            for (var j = 0; j < nodes; j++)
            {
                spot[j] = j == m ? k : k * DMath.Exp(y[j]);
            }

            Operator(y, d, c, lower, centre, upper);

            for (var j = 0; j < nodes; j++)
            {
                u[j] = Math.Max(k - spot[j], 0.0);
                exercise[j] = u[j] > 0.0;
            }

            // Values at the spot on the last three levels, for theta.
            Span<double> level = stackalloc double[3];
            Span<double> levelTau = stackalloc double[3];
            var tau = 0.0;
            for (var step = 0; step < n; step++)
            {
                var ratio = (double)(step + 1) / n;
                var tauNext = step + 1 == n ? t : t * ratio * ratio;
                var dt = tauNext - tau;
                if (step < FiniteDifferenceAmerican.DampingSteps)
                {
                    var half = 0.5 * dt;
                    Advance(1.0, half, tau + half, k, r, q, v, spot, lower, centre, upper, u, rhs, g, cp, dp, exercise);
                    Advance(1.0, dt - half, tauNext, k, r, q, v, spot, lower, centre, upper, u, rhs, g, cp, dp, exercise);
                }
                else
                {
                    Advance(0.5, dt, tauNext, k, r, q, v, spot, lower, centre, upper, u, rhs, g, cp, dp, exercise);
                }

                tau = tauNext;
                var back = n - 1 - step;
                if (back < 3)
                {
                    Interpolate(y, u, spotStart + (v * tau), out var w, out _, out _);
                    level[2 - back] = w * DMath.Exp(-r * tau);
                    levelTau[2 - back] = tau;
                }
            }

            Interpolate(y, u, spotOffset, out var value, out var dy, out var dyy);
            var h1 = levelTau[2] - levelTau[1];
            var h2 = levelTau[1] - levelTau[0];
            var dTau = (level[2] * ((2.0 * h1) + h2) / (h1 * (h1 + h2)))
                - (level[1] * (h1 + h2) / (h1 * h2))
                + (level[0] * h1 / (h2 * (h1 + h2)));
            var discount = DMath.Exp(-r * t);
            value *= discount;
            dy *= discount;
            dyy *= discount;
            var price = Math.Max(value, Math.Max(k - s, 0.0));
            return new FiniteDifferenceResult(price, dy / s, (dyy - dy) / (s * s), -dTau);
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(policyPool);
            ArrayPool<double>.Shared.Return(pool);
        }
    }

    /// <summary>Coefficients of L w = D w_yy + c w_y at the interior nodes, exponentially fitted.</summary>
    private static void Operator(ReadOnlySpan<double> y, double d, double c, Span<double> lower, Span<double> centre, Span<double> upper)
    {
        var last = y.Length - 1;
        lower[0] = centre[0] = upper[0] = 0.0;
        lower[last] = centre[last] = upper[last] = 0.0;
        for (var i = 1; i < last; i++)
        {
            var hm = y[i] - y[i - 1];
            var hp = y[i + 1] - y[i];
            var peclet = c * Math.Max(hm, hp) / (2.0 * d);
            double fitted;
            if (peclet < PecletSeriesMax)
            {
                fitted = d * (1.0 + (peclet * peclet / 3.0));
            }
            else
            {
                // P·coth(P) = P(1 + e^(−2P))/(1 − e^(−2P)) with e^(−2P) − 1 from expm1.
                var e = DMath.Expm1(-2.0 * peclet);
                fitted = d * peclet * (2.0 + e) / -e;
            }

            var twoD = 2.0 * fitted;
            lower[i] = (twoD - (c * hp)) / (hm * (hm + hp));
            upper[i] = (twoD + (c * hm)) / (hp * (hm + hp));
            centre[i] = (-twoD + (c * (hp - hm))) / (hm * hp);
        }
    }

    /// <summary>One θ-step from the current level to τ = <paramref name="tauNew"/>, solving the complementarity problem.</summary>
    private static void Advance(
        double theta,
        double dt,
        double tauNew,
        double k,
        double r,
        double q,
        double v,
        ReadOnlySpan<double> spot,
        ReadOnlySpan<double> lower,
        ReadOnlySpan<double> centre,
        ReadOnlySpan<double> upper,
        Span<double> u,
        Span<double> rhs,
        Span<double> g,
        Span<double> cp,
        Span<double> dp,
        Span<bool> exercise)
    {
        var last = u.Length - 1;
        var explicitWeight = (1.0 - theta) * dt;
        if (explicitWeight == 0.0)
        {
            u.Slice(1, last - 1).CopyTo(rhs.Slice(1, last - 1));
        }
        else
        {
            for (var i = 1; i < last; i++)
            {
                rhs[i] = u[i] + (explicitWeight * ((lower[i] * u[i - 1]) + (centre[i] * u[i]) + (upper[i] * u[i + 1])));
            }
        }

        // Spot of node j at this τ is spot[j]·e^(−vτ); the unknown is w = e^(rτ)·u, so the obstacle is e^(rτ)·g.
        var drift = v == 0.0 ? 1.0 : DMath.Exp(-v * tauNew);
        var growth = r == 0.0 ? 1.0 : DMath.Exp(r * tauNew);
        var strike = growth * k;
        for (var i = 0; i <= last; i++)
        {
            g[i] = Math.Max(strike - (growth * spot[i] * drift), 0.0);
        }

        // Bottom: exercise now or the forward value K − S e^((r − q)τ) of holding to expiry, whichever is larger.
        var bottom = Math.Max(g[0], k - (spot[0] * drift * DMath.Exp((r - q) * tauNew)));

        var implicitWeight = theta * dt;
        for (var iteration = 0; iteration <= last; iteration++)
        {
            // Thomas algorithm; Dirichlet rows at both ends, identity rows u = g on the exercise set.
            cp[0] = 0.0;
            dp[0] = bottom;
            for (var i = 1; i < last; i++)
            {
                if (exercise[i])
                {
                    cp[i] = 0.0;
                    dp[i] = g[i];
                }
                else
                {
                    var a = -implicitWeight * lower[i];
                    var denominator = 1.0 - (implicitWeight * centre[i]) - (a * cp[i - 1]);
                    cp[i] = -implicitWeight * upper[i] / denominator;
                    dp[i] = (rhs[i] - (a * dp[i - 1])) / denominator;
                }
            }

            u[last] = 0.0;
            for (var i = last - 1; i > 0; i--)
            {
                u[i] = dp[i] - (cp[i] * u[i + 1]);
            }

            u[0] = bottom;

            var changed = false;
            for (var i = 1; i < last; i++)
            {
                if (exercise[i])
                {
                    var residual = u[i] - (implicitWeight * ((lower[i] * u[i - 1]) + (centre[i] * u[i]) + (upper[i] * u[i + 1]))) - rhs[i];
                    if (residual < 0.0)
                    {
                        exercise[i] = false;
                        changed = true;
                    }
                }
                else if (u[i] < g[i])
                {
                    exercise[i] = true;
                    changed = true;
                }
            }

            if (!changed)
            {
                return;
            }
        }
    }

    /// <summary>Cubic Lagrange interpolation of u at offset z: value and first and second derivatives in y.</summary>
    private static void Interpolate(ReadOnlySpan<double> y, ReadOnlySpan<double> u, double z, out double value, out double first, out double second)
    {
        // Largest i with y[i] <= z (binary search), then the four nodes i − 1 … i + 2 kept inside the mesh.
        var lo = 0;
        var hi = y.Length - 1;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) >>> 1;
            if (y[mid] <= z)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        var start = Math.Clamp(lo - 1, 0, y.Length - 4);
        value = first = second = 0.0;
        for (var j = 0; j < 4; j++)
        {
            var xj = y[start + j];
            var denominator = 1.0;
            var e1 = 0.0;
            var e2 = 0.0;
            var e3 = 1.0;
            for (var l = 0; l < 4; l++)
            {
                if (l == j)
                {
                    continue;
                }

                var w = z - y[start + l];
                denominator *= xj - y[start + l];
                e2 += e1 * w;
                e1 += w;
                e3 *= w;
            }

            // For three factors w₁w₂w₃: value e₃, first derivative e₂, second derivative 2e₁.
            var weight = u[start + j] / denominator;
            value += weight * e3;
            first += weight * e2;
            second += weight * 2.0 * e1;
        }
    }
}
