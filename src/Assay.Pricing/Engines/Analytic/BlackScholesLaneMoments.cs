namespace Assay.Pricing.Engines.Analytic;

/// <summary>The moneyness and standard-deviation terms of one lane of options and the arguments of its transcendental calls.</summary>
/// <remarks>
/// Produced by <see cref="BlackScholesKernel.Moments{TLane, TMask}"/> from the inputs and ln(S/K); consumed by
/// <see cref="BlackScholesKernel.Transcendentals{TLane, TMask}"/> and <see cref="BlackScholesKernel.Finish{TLane, TMask}"/>.
/// The batch stores the fields in scratch arrays between its passes.
/// </remarks>
/// <typeparam name="TLane">A double or a SIMD vector of doubles.</typeparam>
internal struct BlackScholesLaneMoments<TLane>
    where TLane : unmanaged
{
    public TLane X;
    public TLane SqrtT;
    public TLane HalfInverseSqrtT;
    public TLane StdDev;
    public TLane H;
    public TLane VvLo;
    public TLane NegAbsX;
    public TLane HighDiscountExponent;
    public TLane LowDiscountExponent;
    public TLane HalfGaussianExponent;
    public TLane ErfcxArgV;
    public TLane ErfcxArgU;

    /// <summary>Some lane has |x| above the low-from-high limit and needs e^(LowDiscountExponent).</summary>
    public bool NeedsLowDiscount;

    /// <summary>Some lane is outside the series region and needs erfcx(ErfcxArgU).</summary>
    public bool NeedsErfcxU;
}
