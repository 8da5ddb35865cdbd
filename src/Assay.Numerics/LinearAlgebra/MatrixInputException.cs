namespace Assay.Numerics.LinearAlgebra;

/// <summary>A matrix that cannot be factored as asked; the message names the entry (1-based) and the reason.</summary>
/// <remarks>
/// <see cref="RowIndex"/> and <see cref="ColumnIndex"/> are zero-based (−1 when the error is not about one entry);
/// the message numbers rows and columns from 1, as a reader of the input file counts them.
/// </remarks>
public sealed class MatrixInputException : ArgumentException
{
    /// <summary>Creates the error for the entry at (<paramref name="rowIndex"/>, <paramref name="columnIndex"/>).</summary>
    /// <param name="message">The full message, naming the entry and the reason.</param>
    /// <param name="rowIndex">Zero-based row of the offending entry, or −1.</param>
    /// <param name="columnIndex">Zero-based column of the offending entry, or −1.</param>
    public MatrixInputException(string message, int rowIndex, int columnIndex)
        : base(message)
    {
        RowIndex = rowIndex;
        ColumnIndex = columnIndex;
    }

    /// <summary>Zero-based row of the offending entry, or −1 when the error is about the whole matrix.</summary>
    public int RowIndex { get; }

    /// <summary>Zero-based column of the offending entry, or −1 when the error is about the whole matrix.</summary>
    public int ColumnIndex { get; }
}
