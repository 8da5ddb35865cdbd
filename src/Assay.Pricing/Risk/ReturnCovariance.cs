using System.Globalization;
using Assay.Numerics;

namespace Assay.Pricing.Risk;

/// <summary>The covariance matrix of h-day log returns of named underlyings, the risk-factor model of parametric and Monte Carlo VaR.</summary>
/// <remarks>
/// Entry (i, j) is Cov[ln(S_i(t + h)/S_i(t)), ln(S_j(t + h)/S_j(t))] for the horizon <see cref="HorizonDays"/>. Built
/// either from a price history (<see cref="FromHistory"/>) or from flat volatilities and a correlation matrix
/// (<see cref="FromVolatilities"/>). The matrix is exactly symmetric; it may be singular.
/// </remarks>
public sealed class ReturnCovariance
{
    private readonly double[] _values;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    private ReturnCovariance(IReadOnlyList<string> underlyings, double[] values, int horizonDays)
    {
        Underlyings = [.. underlyings];
        for (var i = 0; i < Underlyings.Count; i++)
        {
            _index[Underlyings[i]] = i;
        }

        _values = values;
        HorizonDays = horizonDays;
    }

    /// <summary>Row and column names, in order.</summary>
    public IReadOnlyList<string> Underlyings { get; }

    /// <summary>The return horizon h in days.</summary>
    public int HorizonDays { get; }

    /// <summary>The covariance between the underlyings at zero-based positions <paramref name="row"/> and <paramref name="column"/>.</summary>
    public double this[int row, int column] => _values[(row * Underlyings.Count) + column];

    /// <summary>The sample covariance of h-day log returns of every column of <paramref name="history"/>.</summary>
    /// <param name="history">Daily closes, oldest first.</param>
    /// <param name="horizonDays">The horizon h in rows (business days), in [1, <see cref="RiskHorizon.MaxDays"/>].</param>
    /// <param name="windows">Overlapping or non-overlapping windows, as in historical simulation.</param>
    /// <remarks>Cov_ij = Σ_t (r_i,t − m_i)(r_j,t − m_j) / (n − 1) over the n windows, with m the sample means; sums run in
    /// time order. Needs at least 2 windows.</remarks>
    /// <exception cref="PricingInputException">Fields <c>horizon_days</c> or <c>history</c> out of range.</exception>
    public static ReturnCovariance FromHistory(PriceHistory history, int horizonDays, HistoricalWindows windows)
    {
        ArgumentNullException.ThrowIfNull(history);
        RiskHorizon.Validate(horizonDays);
        var starts = HistoricalReturns.WindowStarts(history.Length, horizonDays, windows);
        if (starts.Length < 2)
        {
            InputGuard.Fail("history", $"history has {history.Length} rows: {starts.Length} {horizonDays}-day return(s); a covariance needs at least 2");
        }

        var n = history.Underlyings.Count;
        var returns = new double[n][];
        for (var i = 0; i < n; i++)
        {
            returns[i] = HistoricalReturns.LogReturns(history.Closes(history.Underlyings[i]), starts, horizonDays);
            var mean = Sum(returns[i]) / returns[i].Length;
            for (var t = 0; t < returns[i].Length; t++)
            {
                returns[i][t] -= mean;
            }
        }

        var values = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = 0.0;
                for (var t = 0; t < starts.Length; t++)
                {
                    sum += returns[i][t] * returns[j][t];
                }

                values[(i * n) + j] = values[(j * n) + i] = sum / (starts.Length - 1);
            }
        }

        return new ReturnCovariance(history.Underlyings, values, horizonDays);
    }

    /// <summary>σ_i·σ_j·ρ_ij·h/365 from the flat volatilities of <paramref name="market"/> and <paramref name="correlation"/>.</summary>
    /// <param name="market">Supplies σ for every underlying of the correlation matrix.</param>
    /// <param name="correlation">Correlations of the underlyings covered, which all must be in the market.</param>
    /// <param name="horizonDays">The horizon h in days; variance accrues over h/365 years (ACT/365, as option expiries).</param>
    /// <exception cref="PricingInputException">Field <c>correlation</c> names an underlying missing from the market; <c>horizon_days</c> out of range.</exception>
    public static ReturnCovariance FromVolatilities(MarketData market, CorrelationMatrix correlation, int horizonDays)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(correlation);
        RiskHorizon.Validate(horizonDays);
        var years = RiskHorizon.Years(horizonDays);
        var n = correlation.Underlyings.Count;
        var scaled = new double[n];
        for (var i = 0; i < n; i++)
        {
            var at = market.IndexOf(correlation.Underlyings[i]);
            if (at < 0)
            {
                InputGuard.Fail("correlation", $"correlation matrix names underlying '{correlation.Underlyings[i]}', which is not in the market data");
            }

            scaled[i] = market.Underlyings[at].Volatility * DMath.Sqrt(years);
        }

        var values = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                values[(i * n) + j] = values[(j * n) + i] = scaled[i] * scaled[j] * correlation[i, j];
            }
        }

        return new ReturnCovariance(correlation.Underlyings, values, horizonDays);
    }

    /// <summary>The sub-matrix of <paramref name="underlyings"/>, row-major, in their order.</summary>
    /// <exception cref="PricingInputException">Field <c>covariance</c>: an underlying is not covered.</exception>
    internal double[] Select(IReadOnlyList<string> underlyings)
    {
        var n = underlyings.Count;
        var at = new int[n];
        for (var i = 0; i < n; i++)
        {
            if (!_index.TryGetValue(underlyings[i], out at[i]))
            {
                InputGuard.Fail("covariance", string.Create(CultureInfo.InvariantCulture, $"the return covariance has no entry for underlying '{underlyings[i]}' (it covers {string.Join(", ", Underlyings)})"));
            }
        }

        var m = Underlyings.Count;
        var result = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                result[(i * n) + j] = _values[(at[i] * m) + at[j]];
            }
        }

        return result;
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum;
    }
}
