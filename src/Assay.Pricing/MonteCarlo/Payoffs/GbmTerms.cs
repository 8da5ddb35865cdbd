namespace Assay.Pricing.MonteCarlo.Payoffs;

/// <summary>The model constants a payoff's GBM Greek estimators (and control-variate means) need.</summary>
/// <param name="Spot">S(0).</param>
/// <param name="Volatility">σ.</param>
/// <param name="ExpiryYears">T.</param>
/// <param name="Discount">e^(−rT).</param>
/// <param name="Rate">r.</param>
/// <param name="DividendYield">q.</param>
internal readonly record struct GbmTerms(double Spot, double Volatility, double ExpiryYears, double Discount, double Rate = 0.0, double DividendYield = 0.0)
{
    public static GbmTerms From(GbmModel model) => new(
        model.Spot, model.Volatility, model.ExpiryYears, Assay.Numerics.DMath.Exp(-model.Rate * model.ExpiryYears), model.Rate, model.DividendYield);
}
