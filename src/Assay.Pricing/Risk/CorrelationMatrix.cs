using Assay.Numerics.LinearAlgebra;

namespace Assay.Pricing.Risk;

/// <summary>A validated correlation matrix of returns between named underlyings.</summary>
/// <remarks>Validated by its Cholesky factorisation (<see cref="Cholesky.FactorCorrelation"/>): symmetric, unit diagonal,
/// entries in [−1, 1], positive semi-definite; perfectly correlated underlyings are allowed.</remarks>
public sealed class CorrelationMatrix
{
    private readonly double[] _values;

    /// <summary>Creates the matrix from row-major <paramref name="values"/> whose rows and columns follow <paramref name="underlyings"/>.</summary>
    /// <exception cref="PricingInputException">Field <c>correlation</c>: the matrix is invalid; the message names the entry by underlying and the reason.</exception>
    public CorrelationMatrix(IReadOnlyList<string> underlyings, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(underlyings);
        Underlyings = [.. underlyings];
        if (Underlyings.Distinct(StringComparer.Ordinal).Count() != Underlyings.Count)
        {
            InputGuard.Fail("correlation", $"correlation matrix names an underlying twice ({string.Join(", ", Underlyings)})");
        }

        _values = values.ToArray();
        try
        {
            Factor = Cholesky.FactorCorrelation(_values, Underlyings.Count);
        }
        catch (MatrixInputException ex)
        {
            throw new PricingInputException("correlation", Describe(ex, Underlyings));
        }
    }

    /// <summary>Row and column names, in order.</summary>
    public IReadOnlyList<string> Underlyings { get; }

    /// <summary>The lower-triangular Cholesky factor L with L·Lᵀ = the matrix.</summary>
    public LowerTriangularMatrix Factor { get; }

    /// <summary>The correlation between the underlyings at zero-based positions <paramref name="row"/> and <paramref name="column"/>.</summary>
    public double this[int row, int column] => _values[(row * Underlyings.Count) + column];

    /// <summary>The identity: uncorrelated underlyings.</summary>
    public static CorrelationMatrix Identity(IReadOnlyList<string> underlyings)
    {
        ArgumentNullException.ThrowIfNull(underlyings);
        var n = underlyings.Count;
        var values = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            values[(i * n) + i] = 1.0;
        }

        return new CorrelationMatrix(underlyings, values);
    }

    /// <summary>The message of a matrix error, with the underlyings of the offending entry named.</summary>
    internal static string Describe(MatrixInputException ex, IReadOnlyList<string> underlyings)
    {
        if (ex.RowIndex < 0 || ex.RowIndex >= underlyings.Count || ex.ColumnIndex >= underlyings.Count)
        {
            return ex.Message;
        }

        var where = ex.RowIndex == ex.ColumnIndex
            ? underlyings[ex.RowIndex]
            : $"{underlyings[ex.RowIndex]} / {underlyings[ex.ColumnIndex]}";
        return $"{ex.Message} (at {where}; rows and columns in the order {string.Join(", ", underlyings)})";
    }
}
