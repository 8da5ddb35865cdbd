namespace Assay.Pricing.Engines.Analytic;

/// <summary>The exponentials and scaled complementary error functions of one lane of options.</summary>
/// <remarks>Lanes of <see cref="LowDiscount"/> and <see cref="ErfcxU"/> are undefined where the moments did not ask for them; they are then never selected.</remarks>
/// <typeparam name="TLane">A double or a SIMD vector of doubles.</typeparam>
internal struct BlackScholesLaneTranscendentals<TLane>
    where TLane : unmanaged
{
    public TLane GrowthMinusOne;
    public TLane HighDiscount;
    public TLane LowDiscount;
    public TLane HalfGaussian;
    public TLane ErfcxV;
    public TLane ErfcxU;
}
