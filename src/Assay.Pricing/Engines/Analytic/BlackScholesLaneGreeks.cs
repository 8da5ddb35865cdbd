namespace Assay.Pricing.Engines.Analytic;

/// <summary>Price and Greeks of one lane value of options, as the generic Black–Scholes kernel returns them.</summary>
/// <typeparam name="TLane">A double or a SIMD vector of doubles.</typeparam>
internal struct BlackScholesLaneGreeks<TLane>
    where TLane : unmanaged
{
    public TLane Price;
    public TLane Delta;
    public TLane Gamma;
    public TLane Vega;
    public TLane Theta;
    public TLane Rho;
    public TLane DividendRho;
    public TLane Vanna;
    public TLane Volga;
    public TLane Charm;
}
