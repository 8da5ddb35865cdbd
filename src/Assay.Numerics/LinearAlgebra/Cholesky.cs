using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Assay.Numerics.LinearAlgebra;

/// <summary>Cholesky factorisation A = L·Lᵀ of symmetric positive semi-definite matrices, rank-deficient ones included.</summary>
/// <remarks>
/// <para>Input: a Dimension × Dimension matrix as a row-major span (entry (i, j) at i·Dimension + j). It must be
/// finite and exactly symmetric; only its lower triangle is used after the checks. A correlation matrix must also
/// have a unit diagonal and entries in [−1, 1]; a covariance matrix a non-negative diagonal.</para>
/// <para>Method: the column-by-column (Cholesky–Crout) recurrence. For column j the pivot is
/// d = A[j,j] − Σ_{k&lt;j} L[j,k]² and, below it, L[i,j] = (A[i,j] − Σ_{k&lt;j} L[i,k]·L[j,k]) / √d, every sum taken
/// from k = 0 up, with IEEE + − × ÷ and √ only: the same bits on every machine.</para>
/// <para>Semi-definite input: a pivot with |d| ≤ <see cref="PivotTolerance"/>·A[j,j] is taken as 0 and gives a zero
/// column (L[j,j] = 0 and L[i,j] = 0 below it), as for two perfectly correlated assets. For a positive
/// semi-definite matrix the residuals A[i,j] − Σ L[i,k]·L[j,k] under a zero pivot are then at most
/// √(<see cref="PivotTolerance"/>·A[i,i]·A[j,j]) in size (2 × 2 minors of the Schur complement are ≥ 0); a larger
/// one, or a pivot below −<see cref="PivotTolerance"/>·A[j,j], proves the matrix is not positive semi-definite and
/// is rejected. Golub and Van Loan, Matrix Computations, 4th ed. (2013), §4.2 and §4.2.8 (semidefinite case);
/// Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed. (2002), §10.3.</para>
/// <para>Errors throw <see cref="MatrixInputException"/> whose message names the entry (rows and columns counted
/// from 1) and the reason, e.g. "correlation matrix is not positive semi-definite: pivot 3 is -0.21".</para>
/// </remarks>
public static class Cholesky
{
    /// <summary>The largest dimension accepted.</summary>
    public const int MaxDimension = 4096;

    /// <summary>Pivots within this fraction of their diagonal entry of zero are taken as exactly zero.</summary>
    /// <remarks>Far above the rounding error of the pivot recurrence (about Dimension·2^−53 relative) and far below any
    /// genuine eigenvalue of a correlation matrix that matters for risk.</remarks>
    public const double PivotTolerance = 1e-10;

    /// <summary>Factors a correlation matrix: symmetric, unit diagonal, entries in [−1, 1], positive semi-definite.</summary>
    /// <param name="matrix">Row-major entries, <paramref name="dimension"/>² of them.</param>
    /// <param name="dimension">The number of rows and columns, in [1, <see cref="MaxDimension"/>].</param>
    /// <returns>The lower-triangular L with L·Lᵀ = the matrix (zero columns for zero pivots).</returns>
    /// <exception cref="MatrixInputException">The matrix is not a valid correlation matrix; the message says where and why.</exception>
    public static LowerTriangularMatrix FactorCorrelation(ReadOnlySpan<double> matrix, int dimension) =>
        Factor(matrix, dimension, isCorrelation: true);

    /// <summary>Factors a covariance matrix: symmetric, non-negative diagonal, positive semi-definite.</summary>
    /// <param name="matrix">Row-major entries, <paramref name="dimension"/>² of them.</param>
    /// <param name="dimension">The number of rows and columns, in [1, <see cref="MaxDimension"/>].</param>
    /// <returns>The lower-triangular L with L·Lᵀ = the matrix (zero columns for zero pivots).</returns>
    /// <exception cref="MatrixInputException">The matrix is not a valid covariance matrix; the message says where and why.</exception>
    public static LowerTriangularMatrix FactorCovariance(ReadOnlySpan<double> matrix, int dimension) =>
        Factor(matrix, dimension, isCorrelation: false);

    private static LowerTriangularMatrix Factor(ReadOnlySpan<double> a, int n, bool isCorrelation)
    {
        var kind = isCorrelation ? "correlation" : "covariance";
        Validate(a, n, isCorrelation, kind);
        var l = new double[n * n];
        var rank = 0;
        for (var j = 0; j < n; j++)
        {
            var diagonal = a[(j * n) + j];
            var rowJ = l.AsSpan(j * n, j);
            var pivot = diagonal - SumOfProducts(rowJ, rowJ);
            var tolerance = PivotTolerance * diagonal;
            if (pivot < -tolerance)
            {
                Fail(kind, j, j, $"is not positive semi-definite: pivot {j + 1} is {Format(pivot)}");
            }

            if (pivot <= tolerance)
            {
                // A zero pivot: column j stays zero, which is only consistent if nothing below it remains to explain.
                for (var i = j + 1; i < n; i++)
                {
                    var residual = a[(i * n) + j] - SumOfProducts(l.AsSpan(i * n, j), rowJ);
                    var bound = Math.Sqrt(PivotTolerance * a[(i * n) + i] * diagonal);
                    if (Math.Abs(residual) > bound)
                    {
                        Fail(kind, i, j, $"is not positive semi-definite: pivot {j + 1} is {Format(pivot)} (taken as 0) but row {i + 1} of column {j + 1} still holds {Format(residual)}");
                    }
                }

                continue;
            }

            var root = Math.Sqrt(pivot);
            l[(j * n) + j] = root;
            rank++;
            for (var i = j + 1; i < n; i++)
            {
                var residual = a[(i * n) + j] - SumOfProducts(l.AsSpan(i * n, j), rowJ);
                l[(i * n) + j] = residual / root;
            }
        }

        return new LowerTriangularMatrix(l, n, rank);
    }

    private static void Validate(ReadOnlySpan<double> a, int n, bool isCorrelation, string kind)
    {
        if (n < 1 || n > MaxDimension)
        {
            throw new MatrixInputException(
                string.Create(CultureInfo.InvariantCulture, $"{kind} matrix dimension must be an integer in [1, {MaxDimension}] (got {n})"), -1, -1);
        }

        if (a.Length != n * n)
        {
            throw new MatrixInputException(
                string.Create(CultureInfo.InvariantCulture, $"{kind} matrix of dimension {n} needs {n * n} entries (got {a.Length})"), -1, -1);
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (!double.IsFinite(a[(i * n) + j]))
                {
                    Fail(kind, i, j, $"entry (row {i + 1}, column {j + 1}) must be a finite number (got {Format(a[(i * n) + j])})");
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (a[(i * n) + j] != a[(j * n) + i])
                {
                    Fail(kind, i, j, $"is not symmetric: entry (row {i + 1}, column {j + 1}) is {Format(a[(i * n) + j])} but (row {j + 1}, column {i + 1}) is {Format(a[(j * n) + i])}");
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            var diagonal = a[(i * n) + i];
            if (isCorrelation && diagonal != 1.0)
            {
                Fail(kind, i, i, $"diagonal entry (row {i + 1}, column {i + 1}) must be 1 (got {Format(diagonal)})");
            }

            if (!isCorrelation && diagonal < 0)
            {
                Fail(kind, i, i, $"is not positive semi-definite: diagonal entry (row {i + 1}, column {i + 1}) is {Format(diagonal)}, below 0");
            }

            for (var j = 0; isCorrelation && j < i; j++)
            {
                var value = a[(i * n) + j];
                if (!(value >= -1.0 && value <= 1.0))
                {
                    Fail(kind, i, j, $"entry (row {i + 1}, column {j + 1}) must be in [-1, 1] (got {Format(value)})");
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SumOfProducts(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var sum = 0.0;
        for (var k = 0; k < x.Length; k++)
        {
            sum += x[k] * y[k];
        }

        return sum;
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Fail(string kind, int row, int column, string reason) =>
        throw new MatrixInputException($"{kind} matrix {reason}", row, column);
}
