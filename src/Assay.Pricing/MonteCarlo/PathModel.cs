namespace Assay.Pricing.MonteCarlo;

/// <summary>A risk-neutral model of the underlying that the Monte Carlo engine can simulate.</summary>
public abstract record PathModel
{
    /// <summary>Throws <see cref="PricingInputException"/> naming the first field out of range.</summary>
    public abstract void Validate();
}
