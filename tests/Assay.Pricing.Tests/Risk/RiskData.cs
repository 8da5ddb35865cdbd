using System.Globalization;
using Assay.Pricing.Instruments;
using Assay.Pricing.Risk;

namespace Assay.Pricing.Tests.Risk;

/// <summary>Reads the committed files under tests/data/risk (simple CSV: no quoting needed).</summary>
internal static class RiskData
{
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "data", "risk", file);

    public static List<Dictionary<string, string>> Rows(string file)
    {
        var lines = File.ReadAllLines(PathOf(file)).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        return lines.Skip(1)
            .Select(l => l.Split(','))
            .Select(f => header.Select((h, i) => (h, f[i])).ToDictionary(x => x.h, x => x.Item2, StringComparer.Ordinal))
            .ToList();
    }

    public static double Number(string field) =>
        field.Length == 0 ? 0.0 : double.Parse(field, NumberStyles.Float, CultureInfo.InvariantCulture);

    public static double[] Numbers(string field) =>
        [.. field.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Number)];

    public static MarketData Market() => new(Rows("market.csv").Select(r => new UnderlyingQuote(
        r["underlying"], Number(r["S"]), Number(r["r"]), Number(r["q"]), Number(r["sigma"]))));

    public static Portfolio Portfolio(string name) => new(Rows($"portfolio_{name}.csv").Select(r => r["kind"] switch
    {
        "option" => Position.Option(r["underlying"], r["type"] == "call" ? OptionType.Call : OptionType.Put, Number(r["K"]), Number(r["T"]), Number(r["quantity"])),
        "future" => Position.Future(r["underlying"], Number(r["T"]), Number(r["quantity"])),
        _ => Position.Spot(r["underlying"], Number(r["quantity"])),
    }));

    public static PriceHistory EuStockMarkets()
    {
        var rows = Rows("eustockmarkets.csv");
        string[] names = ["DAX", "SMI", "CAC", "FTSE"];
        return new PriceHistory(names, [.. names.Select(n => rows.Select(r => Number(r[n])).ToArray())]);
    }

    public static CorrelationMatrix EuropeanCorrelation() => new(["DAX", "SMI", "CAC", "FTSE"],
    [
        1.0, 0.6, 0.7, 0.5,
        0.6, 1.0, 0.6, 0.5,
        0.7, 0.6, 1.0, 0.6,
        0.5, 0.5, 0.6, 1.0,
    ]);

    /// <summary>The options portfolio under flat vols and <see cref="EuropeanCorrelation"/>, 1 day, c = 0.99.</summary>
    public static MonteCarloVarParameters OptionsBook(ulong seed, int scenarios)
    {
        var market = Market();
        return new MonteCarloVarParameters(
            Portfolio("options"), market, ReturnCovariance.FromVolatilities(market, EuropeanCorrelation(), 1), 0.99, 1, scenarios, seed);
    }
}
