using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Batch;

/// <summary>Black–Scholes–Merton inputs for many options, one array per field (structure of arrays).</summary>
/// <remarks>
/// Item i is the option (Types[i], Spot[i], Strike[i], ExpiryYears[i], Rate[i], DividendYield[i], Volatility[i]),
/// with the units and ranges of <see cref="BlackScholesParameters"/>. The arrays are read, never written, and
/// must not change while a batch call runs.
/// </remarks>
public sealed class BlackScholesBatchInput
{
    /// <summary>Wraps the seven input arrays, which must all have the same length.</summary>
    /// <exception cref="ArgumentException">The arrays differ in length.</exception>
    public BlackScholesBatchInput(
        ReadOnlyMemory<OptionType> types,
        ReadOnlyMemory<double> spot,
        ReadOnlyMemory<double> strike,
        ReadOnlyMemory<double> expiryYears,
        ReadOnlyMemory<double> rate,
        ReadOnlyMemory<double> dividendYield,
        ReadOnlyMemory<double> volatility)
    {
        var count = types.Length;
        RequireLength(spot, count, nameof(spot));
        RequireLength(strike, count, nameof(strike));
        RequireLength(expiryYears, count, nameof(expiryYears));
        RequireLength(rate, count, nameof(rate));
        RequireLength(dividendYield, count, nameof(dividendYield));
        RequireLength(volatility, count, nameof(volatility));
        Types = types;
        Spot = spot;
        Strike = strike;
        ExpiryYears = expiryYears;
        Rate = rate;
        DividendYield = dividendYield;
        Volatility = volatility;
    }

    /// <summary>Number of options.</summary>
    public int Count => Types.Length;

    /// <summary>Call or put, per option.</summary>
    public ReadOnlyMemory<OptionType> Types { get; }

    /// <summary>Spot S, per option.</summary>
    public ReadOnlyMemory<double> Spot { get; }

    /// <summary>Strike K, per option.</summary>
    public ReadOnlyMemory<double> Strike { get; }

    /// <summary>Time to expiry T in years, per option.</summary>
    public ReadOnlyMemory<double> ExpiryYears { get; }

    /// <summary>Risk-free rate r (continuous), per option.</summary>
    public ReadOnlyMemory<double> Rate { get; }

    /// <summary>Dividend yield q (continuous), per option.</summary>
    public ReadOnlyMemory<double> DividendYield { get; }

    /// <summary>Volatility σ, per option.</summary>
    public ReadOnlyMemory<double> Volatility { get; }

    /// <summary>The parameters of option <paramref name="index"/>.</summary>
    public BlackScholesParameters this[int index] => new(
        Types.Span[index],
        Spot.Span[index],
        Strike.Span[index],
        ExpiryYears.Span[index],
        Rate.Span[index],
        DividendYield.Span[index],
        Volatility.Span[index]);

    private static void RequireLength(ReadOnlyMemory<double> values, int count, string name)
    {
        if (values.Length != count)
        {
            throw new ArgumentException($"{name} has {values.Length} items but types has {count}.", name);
        }
    }
}
