namespace Assay.Pricing.Risk;

/// <summary>The market of one underlying: spot, rate, dividend yield and a flat volatility.</summary>
/// <remarks>Rates and yields are continuously compounded per year; volatility is annualised (0.20 = 20%).</remarks>
/// <param name="Name">The underlying's name, as positions and history columns spell it.</param>
/// <param name="Spot">Spot price S, finite and &gt; 0.</param>
/// <param name="Rate">Risk-free rate r, finite.</param>
/// <param name="DividendYield">Continuous dividend yield q, finite.</param>
/// <param name="Volatility">Flat annualised volatility σ, finite and &gt; 0, used for every strike and expiry.</param>
public readonly record struct UnderlyingQuote(string Name, double Spot, double Rate, double DividendYield, double Volatility);
