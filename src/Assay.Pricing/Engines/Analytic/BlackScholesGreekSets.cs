namespace Assay.Pricing.Engines.Analytic;

/// <summary>The Greek sets of the Black–Scholes kernel.</summary>
internal static class BlackScholesGreekSets
{
    /// <summary>Price and all ten Greeks.</summary>
    internal readonly struct All : IBlackScholesGreekSet
    {
        /// <inheritdoc/>
        public static bool Extended => true;
    }

    /// <summary>Price, delta, gamma, vega, theta and rho; dividend rho, vanna, volga and charm are returned as zero.</summary>
    internal readonly struct Core : IBlackScholesGreekSet
    {
        /// <inheritdoc/>
        public static bool Extended => false;
    }
}
