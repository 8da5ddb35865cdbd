namespace Assay.Pricing.Surfaces;

/// <summary>One expiry of an SSVI surface: its forward and its at-the-money total variance θ.</summary>
/// <param name="ExpiryYears">Time to expiry T &gt; 0 in years.</param>
/// <param name="Forward">Forward F &gt; 0 for the expiry.</param>
/// <param name="Theta">At-the-money total variance θ &gt; 0, non-decreasing over the expiries.</param>
public readonly record struct SsviSlice(double ExpiryYears, double Forward, double Theta);
