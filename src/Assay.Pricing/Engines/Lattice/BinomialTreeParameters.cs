using Assay.Pricing.Instruments;

namespace Assay.Pricing.Engines.Lattice;

/// <summary>Inputs of a vanilla option priced on a recombining binomial tree under Black–Scholes–Merton.</summary>
/// <remarks>
/// Market inputs follow <c>AmericanParameters</c> (S, K, T in ACT/365 years, r, q continuously compounded, sigma
/// annual). <see cref="Steps"/> is in [1, <see cref="StepsMax"/>]; the Leisen–Reimer scheme uses odd step counts
/// and rounds an even count up by one (as its authors and QuantLib do). With <see cref="Richardson"/> the
/// Leisen–Reimer price is extrapolated from n and 2n + 1 steps (see <see cref="BinomialTree"/>); it is ignored
/// for Cox–Ross–Rubinstein.
/// </remarks>
/// <param name="Type">Call or put.</param>
/// <param name="Exercise">European or American exercise.</param>
/// <param name="Spot">Spot price S.</param>
/// <param name="Strike">Strike K.</param>
/// <param name="ExpiryYears">Time to expiry T in years.</param>
/// <param name="Rate">Risk-free rate r.</param>
/// <param name="DividendYield">Dividend yield q.</param>
/// <param name="Volatility">Volatility sigma.</param>
/// <param name="Scheme">Tree construction.</param>
/// <param name="Steps">Number of time steps n.</param>
/// <param name="Richardson">Whether to extrapolate a Leisen–Reimer price from n and 2n + 1 steps.</param>
public readonly record struct BinomialTreeParameters(
    OptionType Type,
    ExerciseStyle Exercise,
    double Spot,
    double Strike,
    double ExpiryYears,
    double Rate,
    double DividendYield,
    double Volatility,
    BinomialScheme Scheme,
    int Steps,
    bool Richardson = false)
{
    /// <summary>Largest allowed number of time steps.</summary>
    public const int StepsMax = 100_000;

    /// <summary>Throws <see cref="PricingInputException"/> naming the first field outside its allowed range.</summary>
    public void Validate()
    {
        if (Type is not (OptionType.Call or OptionType.Put))
        {
            InputGuard.Fail("type", "type must be Call or Put");
        }

        if (Exercise is not (ExerciseStyle.European or ExerciseStyle.American))
        {
            InputGuard.Fail("exercise", "exercise must be European or American");
        }

        if (Scheme is not (BinomialScheme.CoxRossRubinstein or BinomialScheme.LeisenReimer))
        {
            InputGuard.Fail("scheme", "scheme must be CoxRossRubinstein or LeisenReimer");
        }

        InputGuard.Positive(Spot, "S");
        InputGuard.Positive(Strike, "K");
        InputGuard.Positive(ExpiryYears, "T");
        InputGuard.InRange(ExpiryYears, "T", 0.0, 100.0);
        InputGuard.InRange(Rate, "r", -1.0, 1.0);
        InputGuard.InRange(DividendYield, "q", -1.0, 1.0);
        InputGuard.Positive(Volatility, "sigma");
        InputGuard.InRange(Volatility, "sigma", 0.0, 10.0);
        InputGuard.InRange(Steps, "steps", 1, StepsMax);
    }
}
