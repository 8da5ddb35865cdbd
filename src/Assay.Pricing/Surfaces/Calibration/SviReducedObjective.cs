namespace Assay.Pricing.Surfaces.Calibration;

/// <summary>The quasi-explicit objective over (m, σ): the optimal constrained least squares over (a, d, c) for that (m, σ).</summary>
internal readonly struct SviReducedObjective(SliceData data) : IObjective
{
    public double Evaluate(ReadOnlySpan<double> x)
    {
        Span<double> coefficients = stackalloc double[3];
        return Solve(x[0], x[1], coefficients);
    }

    /// <summary>The objective Σwᵢ(w(kᵢ) − vᵢ)² and the optimal (a, d, c) at (m, σ).</summary>
    public double Solve(double m, double sigma, Span<double> coefficients)
    {
        Span<double> normal = stackalloc double[9];
        Span<double> rhs = stackalloc double[3];
        double s11 = 0, s12 = 0, s13 = 0, s22 = 0, s23 = 0, s33 = 0, r1 = 0, r2 = 0, r3 = 0, c0 = 0;
        var k = data.LogMoneyness;
        var v = data.TotalVariance;
        var w = data.Weights;
        for (var i = 0; i < k.Length; i++)
        {
            var y = (k[i] - m) / sigma;
            var z = Math.Sqrt((y * y) + 1.0);
            var wi = w[i];
            s11 += wi;
            s12 += wi * y;
            s13 += wi * z;
            s22 += wi * y * y;
            s23 += wi * y * z;
            s33 += wi * z * z;
            r1 += wi * v[i];
            r2 += wi * y * v[i];
            r3 += wi * z * v[i];
            c0 += wi * v[i] * v[i];
        }

        normal[0] = s11;
        normal[1] = s12;
        normal[2] = s13;
        normal[3] = s12;
        normal[4] = s22;
        normal[5] = s23;
        normal[6] = s13;
        normal[7] = s23;
        normal[8] = s33;
        rhs[0] = r1;
        rhs[1] = r2;
        rhs[2] = r3;
        _ = SviLinearProblem.Solve(normal, rhs, c0, sigma, data.VMax, coefficients);

        // The residual is summed directly rather than taken from the normal equations, whose
        // quadratic − 2·linear + constant form cancels to rounding noise near an exact fit.
        var a = coefficients[0];
        var d = coefficients[1];
        var c = coefficients[2];
        var sum = 0.0;
        for (var i = 0; i < k.Length; i++)
        {
            var y = (k[i] - m) / sigma;
            var e = a + (d * y) + (c * Math.Sqrt((y * y) + 1.0)) - v[i];
            sum += w[i] * e * e;
        }

        return sum;
    }
}
