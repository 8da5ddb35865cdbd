namespace Assay.Pricing.Surfaces.Calibration;

/// <summary>Dense Gaussian elimination with partial pivoting on a small augmented matrix, in a fixed operation order.</summary>
internal static class GaussianElimination
{
    /// <summary>Pivots smaller than this fraction of the largest entry mark a singular system.</summary>
    private const double SingularPivot = 1e-13;

    /// <summary>Solves the n×n system held as an n×(n+1) augmented matrix in place; the solution replaces the last column.</summary>
    /// <returns>False when a pivot is below 1e−13 of the largest entry (singular system).</returns>
    public static bool Solve(Span<double> m, int n)
    {
        var stride = n + 1;
        var scale = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                scale = Math.Max(scale, Math.Abs(m[(i * stride) + j]));
            }
        }

        var tiny = scale * SingularPivot;
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(m[(r * stride) + col]) > Math.Abs(m[(pivot * stride) + col]))
                {
                    pivot = r;
                }
            }

            if (!(Math.Abs(m[(pivot * stride) + col]) > tiny))
            {
                return false;
            }

            if (pivot != col)
            {
                for (var j = col; j < stride; j++)
                {
                    (m[(col * stride) + j], m[(pivot * stride) + j]) = (m[(pivot * stride) + j], m[(col * stride) + j]);
                }
            }

            var diag = m[(col * stride) + col];
            for (var r = col + 1; r < n; r++)
            {
                var factor = m[(r * stride) + col] / diag;
                if (factor == 0)
                {
                    continue;
                }

                for (var j = col; j < stride; j++)
                {
                    m[(r * stride) + j] -= factor * m[(col * stride) + j];
                }
            }
        }

        for (var row = n - 1; row >= 0; row--)
        {
            var sum = m[(row * stride) + n];
            for (var j = row + 1; j < n; j++)
            {
                sum -= m[(row * stride) + j] * m[(j * stride) + n];
            }

            m[(row * stride) + n] = sum / m[(row * stride) + row];
        }

        return true;
    }
}
