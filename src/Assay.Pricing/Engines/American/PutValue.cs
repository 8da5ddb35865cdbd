namespace Assay.Pricing.Engines.American;

/// <summary>A put price with its spot delta and gamma, the output of the core put engines.</summary>
internal readonly record struct PutValue(double Price, double Delta, double Gamma);
