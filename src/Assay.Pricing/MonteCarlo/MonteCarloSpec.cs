namespace Assay.Pricing.MonteCarlo;

/// <summary>Everything a Monte Carlo result is a function of: model, contract and settings.</summary>
/// <param name="Model">The simulated dynamics.</param>
/// <param name="Payoff">The contract.</param>
/// <param name="Settings">Paths, steps, seed and variance reduction (thread count and vector width do not change the result).</param>
public sealed record MonteCarloSpec(PathModel Model, PayoffSpec Payoff, MonteCarloSettings Settings)
{
    /// <summary>Number of batches: ⌈paths / <see cref="MonteCarloEngine.BatchPaths"/>⌉.</summary>
    public long BatchCount => (Settings.Paths + MonteCarloEngine.BatchPaths - 1) / MonteCarloEngine.BatchPaths;

    /// <summary>Throws <see cref="PricingInputException"/> naming the first field out of range.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Model);
        ArgumentNullException.ThrowIfNull(Payoff);
        Model.Validate();
        Payoff.Validate();
        Settings.Validate();
    }
}
