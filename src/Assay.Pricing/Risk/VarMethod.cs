namespace Assay.Pricing.Risk;

/// <summary>How the P&amp;L distribution of a VaR run was obtained.</summary>
public enum VarMethod
{
    /// <summary>Historical simulation: past h-day returns applied to today's market, full revaluation.</summary>
    Historical,

    /// <summary>Delta–gamma moments with a Cornish–Fisher quantile: no scenarios.</summary>
    Parametric,

    /// <summary>Monte Carlo: correlated Gaussian log-return shocks, full revaluation.</summary>
    MonteCarlo,
}
