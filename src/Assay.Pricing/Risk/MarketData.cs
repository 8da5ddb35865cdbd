namespace Assay.Pricing.Risk;

/// <summary>The base market of a risk run: one <see cref="UnderlyingQuote"/> per underlying, looked up by name.</summary>
/// <remarks>
/// Volatility is flat per underlying (no smile, no term structure); a scenario moves spots only, so rates, yields and
/// volatilities keep their base values (docs/risk-var.md, "Known limits"). Names are matched exactly (case-sensitive).
/// </remarks>
public sealed class MarketData
{
    /// <summary>The largest number of underlyings accepted.</summary>
    public const int MaxUnderlyings = 4096;

    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    /// <summary>Creates the market, validating every quote.</summary>
    /// <exception cref="PricingInputException">A quote is out of range or a name repeats; the message names the underlying and the field.</exception>
    public MarketData(IEnumerable<UnderlyingQuote> quotes)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        Underlyings = [.. quotes];
        if (Underlyings.Count == 0 || Underlyings.Count > MaxUnderlyings)
        {
            InputGuard.Fail("underlying", $"market data must hold between 1 and {MaxUnderlyings} underlyings (got {Underlyings.Count})");
        }

        for (var i = 0; i < Underlyings.Count; i++)
        {
            var u = Underlyings[i];
            if (string.IsNullOrWhiteSpace(u.Name))
            {
                InputGuard.Fail("underlying", $"market data row {i + 1}: underlying must be a non-empty name");
            }

            if (!_index.TryAdd(u.Name, i))
            {
                InputGuard.Fail("underlying", $"market data names underlying '{u.Name}' twice");
            }

            Check(u.Name, () =>
            {
                InputGuard.Positive(u.Spot, "S");
                InputGuard.Finite(u.Rate, "r");
                InputGuard.Finite(u.DividendYield, "q");
                InputGuard.Positive(u.Volatility, "sigma");
            });
        }
    }

    /// <summary>The quotes in input order.</summary>
    public IReadOnlyList<UnderlyingQuote> Underlyings { get; }

    /// <summary>The position of <paramref name="name"/> in <see cref="Underlyings"/>, or −1.</summary>
    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;

    private static void Check(string name, Action check)
    {
        try
        {
            check();
        }
        catch (PricingInputException ex)
        {
            InputGuard.Fail(ex.Field, $"underlying {name}: {ex.Message}");
        }
    }
}
