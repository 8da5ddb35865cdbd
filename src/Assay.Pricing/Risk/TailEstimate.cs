namespace Assay.Pricing.Risk;

/// <summary>Value-at-risk and expected shortfall at one confidence level, both as positive losses.</summary>
/// <param name="ValueAtRisk">The loss exceeded with probability at most 1 − c (negative when even the tail is a gain).</param>
/// <param name="ExpectedShortfall">The mean loss in the tail beyond the VaR; ≥ <paramref name="ValueAtRisk"/>.</param>
/// <param name="TailCount">Scenarios in the tail, k (0 for the parametric method, which has no scenarios).</param>
public readonly record struct TailEstimate(double ValueAtRisk, double ExpectedShortfall, int TailCount);
