namespace Assay.Pricing.Engines.Analytic;

/// <summary>What a European digital (binary) option pays when it finishes in the money.</summary>
public enum DigitalPayoff
{
    /// <summary>A fixed cash amount.</summary>
    CashOrNothing,

    /// <summary>One unit of the underlying asset (its terminal value).</summary>
    AssetOrNothing,
}
