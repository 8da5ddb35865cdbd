using System.Globalization;

namespace Assay.Pricing.Risk;

/// <summary>Daily closing prices of several underlyings on common dates, oldest first.</summary>
/// <remarks>Only the order of the rows matters (one row per business day); dates themselves are not used.</remarks>
public sealed class PriceHistory
{
    /// <summary>The largest number of rows accepted.</summary>
    public const int MaxRows = 1_000_000;

    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly double[][] _closes;

    /// <summary>Creates a history from one close series per underlying, all of the same length.</summary>
    /// <param name="underlyings">Column names, as the market data spells them.</param>
    /// <param name="closes">closes[i][t] is the close of underlying i on row t (0 = oldest); copied.</param>
    /// <exception cref="PricingInputException">Field <c>history</c>: lengths differ, fewer than 2 or more than <see cref="MaxRows"/> rows, a repeated name, or a close that is not a finite number &gt; 0 (the message names the column and the 1-based row).</exception>
    public PriceHistory(IReadOnlyList<string> underlyings, IReadOnlyList<double[]> closes)
    {
        ArgumentNullException.ThrowIfNull(underlyings);
        ArgumentNullException.ThrowIfNull(closes);
        if (underlyings.Count == 0 || underlyings.Count != closes.Count)
        {
            InputGuard.Fail("history", $"history needs one close series per underlying (got {underlyings.Count} names and {closes.Count} series)");
        }

        Underlyings = [.. underlyings];
        _closes = new double[closes.Count][];
        Length = closes[0].Length;
        for (var i = 0; i < closes.Count; i++)
        {
            if (!_index.TryAdd(Underlyings[i], i))
            {
                InputGuard.Fail("history", $"history names column '{Underlyings[i]}' twice");
            }

            if (closes[i].Length != Length || Length < 2 || Length > MaxRows)
            {
                InputGuard.Fail("history", $"history column {Underlyings[i]} has {closes[i].Length} rows; every column needs the same number of rows, between 2 and {MaxRows} (first column: {Length})");
            }

            _closes[i] = (double[])closes[i].Clone();
            for (var t = 0; t < Length; t++)
            {
                var close = _closes[i][t];
                if (!(close > 0) || double.IsPositiveInfinity(close))
                {
                    InputGuard.Fail("history", string.Create(CultureInfo.InvariantCulture, $"history column {Underlyings[i]} row {t + 1}: close must be a finite number > 0 (got {close:R})"));
                }
            }
        }
    }

    /// <summary>Column names in input order.</summary>
    public IReadOnlyList<string> Underlyings { get; }

    /// <summary>The number of rows (dates).</summary>
    public int Length { get; }

    /// <summary>The close series of <paramref name="underlying"/>, oldest first.</summary>
    /// <exception cref="PricingInputException">Field <c>history</c>: the history has no such column.</exception>
    public ReadOnlySpan<double> Closes(string underlying)
    {
        if (!_index.TryGetValue(underlying, out var i))
        {
            InputGuard.Fail("history", $"history has no column for underlying '{underlying}' (columns: {string.Join(", ", Underlyings)})");
        }

        return _closes[i];
    }

    /// <summary>Whether the history has a column for <paramref name="underlying"/>.</summary>
    public bool Contains(string underlying) => _index.ContainsKey(underlying);
}
