namespace Assay.Pricing.Risk;

/// <summary>The spots of one scenario, as a pure function of the scenario index.</summary>
internal interface IScenarioShock
{
    /// <summary>Writes the shocked spot of every risk factor for <paramref name="scenario"/>; <paramref name="scratch"/> has one entry per factor.</summary>
    void Spots(int scenario, Span<double> shocked, Span<double> scratch);
}
