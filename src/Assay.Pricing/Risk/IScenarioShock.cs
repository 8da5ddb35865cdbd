namespace Assay.Pricing.Risk;

/// <summary>The spots of one scenario, as a pure function of the scenario index.</summary>
internal interface IScenarioShock
{
    /// <summary>The scratch length <see cref="Spots"/> needs, given the number of risk factors.</summary>
    int ScratchLength(int factors);

    /// <summary>Writes the shocked spot of every risk factor for <paramref name="scenario"/>.</summary>
    /// <remarks>Scenarios of one block are asked for in increasing order through the same <paramref name="scratch"/>, so a
    /// shock may cache work for the next few scenarios there; the result must not depend on it.</remarks>
    void Spots(int scenario, Span<double> shocked, Span<double> scratch);
}
