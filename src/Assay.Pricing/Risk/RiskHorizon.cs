namespace Assay.Pricing.Risk;

/// <summary>The VaR horizon: a whole number of days, converted to years ACT/365 for time decay and flat-volatility variance.</summary>
public static class RiskHorizon
{
    /// <summary>Days per year of the pricing API's time convention (ACT/365).</summary>
    public const double DaysPerYear = 365.0;

    /// <summary>The longest horizon accepted, in days.</summary>
    public const int MaxDays = 365;

    /// <summary>The horizon in years, <paramref name="days"/>/365.</summary>
    public static double Years(int days) => days / DaysPerYear;

    /// <summary>Throws <see cref="PricingInputException"/> (field <c>horizon_days</c>) unless 1 ≤ <paramref name="days"/> ≤ <see cref="MaxDays"/>.</summary>
    public static void Validate(int days) => InputGuard.InRange(days, "horizon_days", 1, MaxDays);
}
