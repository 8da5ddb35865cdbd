namespace Assay.Pricing.Risk;

/// <summary>How h-day return windows are cut from a daily price history.</summary>
public enum HistoricalWindows
{
    /// <summary>Every window [t, t + h] for t = 0 … n − 1 − h: n − h returns that share days when h &gt; 1.</summary>
    Overlapping,

    /// <summary>Disjoint windows ending at the last row, n − 1, n − 1 − h, …: ⌊(n − 1)/h⌋ independent returns.</summary>
    NonOverlapping,
}
