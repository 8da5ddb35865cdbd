using System.Globalization;
using Assay.Numerics.FixedPoint;

namespace Assay.Pricing.MonteCarlo.LongstaffSchwartz;

/// <summary>The least-squares normal equations of one exercise date, summed exactly in fixed point and solved in a fixed order.</summary>
/// <remarks>
/// <para>For the basis 1, x, …, x^(m−1) the Gram matrix is the Hankel matrix of the power sums Σ x^k, k = 0 … 2m − 2, and the
/// right-hand side is Σ y·x^j. Every term is rounded half-even to a multiple of 2^−48 (<see cref="FixedPointScale.Medium"/>)
/// and added as an integer, so the sums, and everything solved from them, do not depend on the order of the paths or on how
/// they were split among threads and lanes.</para>
/// <para>Solve: the sums are divided by the path count (moments), factorised by Cholesky in the order j = 0 … m − 1, and
/// substituted forward then backward. A pivot at or below <see cref="PivotFloor"/> times its diagonal entry means the
/// moments are (numerically) singular; the solve is then repeated once with the ridge <see cref="RidgeFactor"/>·trace/m
/// added to the diagonal.</para>
/// </remarks>
internal sealed class NormalEquations
{
    /// <summary>Relative pivot below which the Gram matrix counts as singular.</summary>
    public const double PivotFloor = 1e-13;

    /// <summary>Ridge (relative to the mean diagonal entry) added when the Gram matrix is singular.</summary>
    public const double RidgeFactor = 1e-9;

    /// <summary>Largest |y| accepted (the Medium fixed-point item bound, 2^46).</summary>
    public const double MaxTarget = 70368744177664.0;

    private readonly Int128[] _powerSums;
    private readonly Int128[] _targetSums;

    public NormalEquations(int basisSize)
    {
        BasisSize = basisSize;
        _powerSums = new Int128[(2 * basisSize) - 1];
        _targetSums = new Int128[basisSize];
    }

    public int BasisSize { get; }

    /// <summary>Number of paths added.</summary>
    public long Count { get; private set; }

    public void Clear()
    {
        Array.Clear(_powerSums);
        Array.Clear(_targetSums);
        Count = 0;
    }

    /// <summary>Adds one in-the-money path with regression variable <paramref name="x"/> and target <paramref name="y"/>.</summary>
    public void Add(double x, double y)
    {
        if (!(Math.Abs(y) <= MaxTarget) || !(Math.Abs(x) <= 2.0))
        {
            ThrowOutOfRange(x, y);
        }

        var scale = FixedPointScale.Medium;
        var power = 1.0;
        for (var k = 0; k < _powerSums.Length; k++)
        {
            _powerSums[k] += FixedPointAccumulator.ToScaled(power, scale);
            if (k < _targetSums.Length)
            {
                _targetSums[k] += FixedPointAccumulator.ToScaled(y * power, scale);
            }

            power *= x;
        }

        Count++;
    }

    /// <summary>Adds the sums of <paramref name="other"/> (exact: the result does not depend on the order of merges).</summary>
    public void Merge(NormalEquations other)
    {
        for (var k = 0; k < _powerSums.Length; k++)
        {
            _powerSums[k] += other._powerSums[k];
        }

        for (var j = 0; j < _targetSums.Length; j++)
        {
            _targetSums[j] += other._targetSums[j];
        }

        Count += other.Count;
    }

    /// <summary>Solves for the coefficients; false when the system stays singular even with the ridge.</summary>
    public bool TrySolve(Span<double> coefficients)
    {
        var m = BasisSize;
        var n = (double)Count;
        Span<double> moments = stackalloc double[_powerSums.Length];
        Span<double> rhs = stackalloc double[m];
        for (var k = 0; k < moments.Length; k++)
        {
            moments[k] = ToDouble(_powerSums[k], Count) / n;
        }

        for (var j = 0; j < m; j++)
        {
            rhs[j] = ToDouble(_targetSums[j], Count) / n;
        }

        if (TryCholeskySolve(moments, rhs, 0.0, coefficients))
        {
            return true;
        }

        var trace = 0.0;
        for (var j = 0; j < m; j++)
        {
            trace += moments[2 * j];
        }

        return TryCholeskySolve(moments, rhs, RidgeFactor * trace / m, coefficients);
    }

    private static bool TryCholeskySolve(ReadOnlySpan<double> moments, ReadOnlySpan<double> rhs, double ridge, Span<double> solution)
    {
        var m = rhs.Length;
        Span<double> lower = stackalloc double[m * m];
        for (var j = 0; j < m; j++)
        {
            var diagonal = moments[2 * j] + ridge;
            var pivot = diagonal;
            for (var k = 0; k < j; k++)
            {
                pivot -= lower[(j * m) + k] * lower[(j * m) + k];
            }

            if (!(pivot > PivotFloor * diagonal))
            {
                return false;
            }

            var root = Math.Sqrt(pivot);
            lower[(j * m) + j] = root;
            for (var i = j + 1; i < m; i++)
            {
                var entry = moments[i + j];
                for (var k = 0; k < j; k++)
                {
                    entry -= lower[(i * m) + k] * lower[(j * m) + k];
                }

                lower[(i * m) + j] = entry / root;
            }
        }

        // L·z = b, then Lᵀ·β = z.
        for (var i = 0; i < m; i++)
        {
            var value = rhs[i];
            for (var k = 0; k < i; k++)
            {
                value -= lower[(i * m) + k] * solution[k];
            }

            solution[i] = value / lower[(i * m) + i];
        }

        for (var i = m - 1; i >= 0; i--)
        {
            var value = solution[i];
            for (var k = i + 1; k < m; k++)
            {
                value -= lower[(k * m) + i] * solution[k];
            }

            solution[i] = value / lower[(i * m) + i];
        }

        for (var i = 0; i < m; i++)
        {
            if (!double.IsFinite(solution[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static double ToDouble(Int128 scaledSum, long count) =>
        FixedPointAccumulator.FromScaledSum(FixedPointScale.Medium, scaledSum, (ulong)count).ToDouble();

    private static void ThrowOutOfRange(double x, double y) =>
        throw new PricingInputException(
            "payoff",
            string.Create(
                CultureInfo.InvariantCulture,
                $"a Longstaff-Schwartz regression point is out of the fixed-point range (|x| <= 2, |y| <= 2^46): x {x:R}, y {y:R}; the model's horizon or volatility is too extreme for this contract"));
}
