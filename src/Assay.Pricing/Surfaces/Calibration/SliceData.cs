namespace Assay.Pricing.Surfaces.Calibration;

/// <summary>One slice's quotes as the fit sees them: log-moneyness, target total variance and weight, in quote order.</summary>
internal sealed class SliceData
{
    public SliceData(double expiryYears, double forward, double[] logMoneyness, double[] totalVariance, double[] weights, double[] impliedVols)
    {
        ExpiryYears = expiryYears;
        Forward = forward;
        LogMoneyness = logMoneyness;
        TotalVariance = totalVariance;
        Weights = weights;
        ImpliedVols = impliedVols;
        var kMin = double.PositiveInfinity;
        var kMax = double.NegativeInfinity;
        var vMax = 0.0;
        var weightedSquares = 0.0;
        for (var i = 0; i < logMoneyness.Length; i++)
        {
            kMin = Math.Min(kMin, logMoneyness[i]);
            kMax = Math.Max(kMax, logMoneyness[i]);
            vMax = Math.Max(vMax, totalVariance[i]);
            weightedSquares += weights[i] * totalVariance[i] * totalVariance[i];
        }

        KMin = kMin;
        KMax = kMax;
        VMax = vMax;
        WeightedSquares = weightedSquares;
    }

    public double ExpiryYears { get; }

    public double Forward { get; }

    public double[] LogMoneyness { get; }

    public double[] TotalVariance { get; }

    public double[] Weights { get; }

    public double[] ImpliedVols { get; }

    public double KMin { get; }

    public double KMax { get; }

    /// <summary>The largest quoted total variance (Zeliade's cap on a).</summary>
    public double VMax { get; }

    /// <summary>Σ wᵢvᵢ², the scale that makes objectives relative.</summary>
    public double WeightedSquares { get; }

    public int Count => LogMoneyness.Length;

    /// <summary>The weighted sum of squared total-variance residuals of a raw SVI slice.</summary>
    public double Residual(in SviParameters p)
    {
        var sum = 0.0;
        for (var i = 0; i < LogMoneyness.Length; i++)
        {
            var e = p.TotalVariance(LogMoneyness[i]) - TotalVariance[i];
            sum += Weights[i] * e * e;
        }

        return sum;
    }
}
