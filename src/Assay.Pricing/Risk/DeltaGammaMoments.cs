namespace Assay.Pricing.Risk;

/// <summary>The first four cumulants of a delta–gamma P&amp;L ΔP = θτ + aᵀR + ½RᵀBR with Gaussian returns R.</summary>
/// <param name="Mean">κ1 = E[ΔP].</param>
/// <param name="Variance">κ2 = Var[ΔP].</param>
/// <param name="ThirdCumulant">κ3 = E[(ΔP − κ1)³].</param>
/// <param name="FourthCumulant">κ4 = E[(ΔP − κ1)⁴] − 3κ2².</param>
public readonly record struct DeltaGammaMoments(double Mean, double Variance, double ThirdCumulant, double FourthCumulant)
{
    /// <summary>√κ2.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>κ3/κ2^(3/2), or 0 when the variance is 0.</summary>
    public double Skewness => Variance > 0 ? ThirdCumulant / (Variance * Math.Sqrt(Variance)) : 0.0;

    /// <summary>κ4/κ2² (kurtosis − 3), or 0 when the variance is 0.</summary>
    public double ExcessKurtosis => Variance > 0 ? FourthCumulant / (Variance * Variance) : 0.0;
}
