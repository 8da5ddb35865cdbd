namespace Assay.Pricing.Engines.Analytic;

/// <summary>Which Greeks the Black–Scholes kernel forms, fixed at compile time so that the JIT drops the others.</summary>
internal interface IBlackScholesGreekSet
{
    /// <summary>Whether dividend rho, vanna, volga and charm are formed (else they are returned as zero).</summary>
    static abstract bool Extended { get; }
}
