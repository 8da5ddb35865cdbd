namespace Assay.Compute.Agreement;

/// <summary>One node's Monte Carlo estimate and its standard error.</summary>
/// <param name="Value">The estimate (e.g. price).</param>
/// <param name="StandardError">Its standard error, finite and &gt; 0.</param>
public readonly record struct Estimate(double Value, double StandardError);
