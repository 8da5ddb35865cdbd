using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Tests.Exotics;

/// <summary>Vanilla values assembled from the digital engine, so laws can compare engines without a shared vanilla helper.</summary>
internal static class ExoticTestMath
{
    /// <summary>Call = asset-or-nothing call − K·(unit cash-or-nothing call); put = K·(unit cash put) − asset put.</summary>
    public static double VanillaFromDigitals(OptionType type, double spot, double strike, double expiryYears, double rate, double dividendYield, double volatility)
    {
        var asset = DigitalOption.Price(new DigitalParameters(type, DigitalPayoff.AssetOrNothing, spot, strike, 0.0, expiryYears, rate, dividendYield, volatility));
        var cash = DigitalOption.Price(new DigitalParameters(type, DigitalPayoff.CashOrNothing, spot, strike, 1.0, expiryYears, rate, dividendYield, volatility));
        return type == OptionType.Call ? asset - (strike * cash) : (strike * cash) - asset;
    }
}
