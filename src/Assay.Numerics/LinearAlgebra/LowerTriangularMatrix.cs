using System.Runtime.CompilerServices;

namespace Assay.Numerics.LinearAlgebra;

/// <summary>An immutable square lower-triangular matrix, such as the factor L of a Cholesky decomposition A = L·Lᵀ.</summary>
/// <remarks>
/// Stored row-major as Dimension × Dimension doubles with zeros above the diagonal. <see cref="Multiply"/> forms each
/// entry of L·v as one sum in a fixed order (column 0 first), with IEEE multiplications and additions only, so its
/// bits depend on nothing but the inputs. A zero diagonal entry marks a direction the factored matrix does not span
/// (its whole column is zero); <see cref="Rank"/> counts the non-zero diagonal entries.
/// </remarks>
public sealed class LowerTriangularMatrix
{
    private readonly double[] _entries;

    internal LowerTriangularMatrix(double[] entries, int dimension, int rank)
    {
        _entries = entries;
        Dimension = dimension;
        Rank = rank;
    }

    /// <summary>The number of rows and of columns.</summary>
    public int Dimension { get; }

    /// <summary>The number of non-zero diagonal entries: the rank of L·Lᵀ.</summary>
    public int Rank { get; }

    /// <summary>The entry at (<paramref name="row"/>, <paramref name="column"/>), zero-based; 0 above the diagonal.</summary>
    public double this[int row, int column]
    {
        get
        {
            if ((uint)row >= (uint)Dimension || (uint)column >= (uint)Dimension)
            {
                ThrowIndex(row, column);
            }

            return _entries[(row * Dimension) + column];
        }
    }

    /// <summary>Computes result = L·<paramref name="vector"/>; <paramref name="result"/> may be the same span as <paramref name="vector"/>.</summary>
    /// <param name="vector">A vector of <see cref="Dimension"/> entries, e.g. independent standard normals.</param>
    /// <param name="result">Receives <see cref="Dimension"/> entries: result[i] = Σ_{k ≤ i} L[i, k]·vector[k], summed from k = 0 up.</param>
    /// <remarks>Rows are computed from the last to the first, so row i reads only vector[0..i] before result[i] is written; that makes the in-place call safe.</remarks>
    public void Multiply(ReadOnlySpan<double> vector, Span<double> result)
    {
        var n = Dimension;
        if (vector.Length != n || result.Length != n)
        {
            ThrowLength(vector.Length, result.Length);
        }

        for (var i = n - 1; i >= 0; i--)
        {
            result[i] = RowDot(_entries.AsSpan(i * n, i + 1), vector);
        }
    }

    /// <summary>A row-major copy of the Dimension × Dimension entries, zeros above the diagonal included.</summary>
    public double[] ToArray() => (double[])_entries.Clone();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double RowDot(ReadOnlySpan<double> row, ReadOnlySpan<double> vector)
    {
        var sum = 0.0;
        for (var k = 0; k < row.Length; k++)
        {
            sum += row[k] * vector[k];
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowIndex(int row, int column) =>
        throw new ArgumentOutOfRangeException(
            nameof(row), $"(row {row}, column {column}) is outside a {Dimension} × {Dimension} matrix (indices are zero-based).");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowLength(int vectorLength, int resultLength) =>
        throw new ArgumentException(
            $"vector and result must each have {Dimension} entries (got {vectorLength} and {resultLength}).", "vector");
}
