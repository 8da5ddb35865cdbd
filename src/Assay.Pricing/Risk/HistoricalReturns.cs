using Assay.Numerics;

namespace Assay.Pricing.Risk;

/// <summary>h-day windows and log returns cut from a daily close series.</summary>
internal static class HistoricalReturns
{
    /// <summary>The first row of every window, in time order.</summary>
    public static int[] WindowStarts(int rows, int horizonDays, HistoricalWindows windows)
    {
        var last = rows - 1 - horizonDays;
        if (last < 0)
        {
            return [];
        }

        if (windows == HistoricalWindows.Overlapping)
        {
            var all = new int[last + 1];
            for (var t = 0; t <= last; t++)
            {
                all[t] = t;
            }

            return all;
        }

        // Anchored at the newest row, so the most recent h days always form a window.
        var count = (rows - 1) / horizonDays;
        var starts = new int[count];
        for (var w = 0; w < count; w++)
        {
            starts[w] = rows - 1 - ((count - w) * horizonDays);
        }

        return starts;
    }

    /// <summary>ln(closes[s + h] / closes[s]) for every window start s.</summary>
    public static double[] LogReturns(ReadOnlySpan<double> closes, int[] starts, int horizonDays)
    {
        var returns = new double[starts.Length];
        for (var w = 0; w < starts.Length; w++)
        {
            returns[w] = DMath.Log(closes[starts[w] + horizonDays] / closes[starts[w]]);
        }

        return returns;
    }
}
