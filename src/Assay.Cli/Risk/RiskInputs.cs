using System.Globalization;
using Assay.Cli.Csv;
using Assay.Cli.Pricing;
using Assay.Pricing;
using Assay.Pricing.Risk;

namespace Assay.Cli.Risk;

/// <summary>Reads the CSV inputs of <c>assay var</c>: portfolio, market, correlation matrix and price history.</summary>
/// <remarks>
/// Every failure throws <see cref="CsvFormatException"/> whose message names the file, the data row (1-based, header
/// not counted) and the column, or <see cref="PricingInputException"/> from the domain types, which names the field.
/// </remarks>
public static class RiskInputs
{
    private static readonly Dictionary<string, PositionKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["option"] = PositionKind.Option,
        ["future"] = PositionKind.Future,
        ["spot"] = PositionKind.Spot,
    };

    /// <summary>Reads <c>kind,underlying,type,K,T,quantity</c>: kind option|future|spot; type and K for options; T for options and futures.</summary>
    public static Portfolio ReadPortfolio(string path)
    {
        var table = Read(path, "kind", "underlying", "quantity");
        var positions = new List<Position>(table.Rows.Count);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = new RowReader(table, table.Rows[i]);
            positions.Add(Field(path, i, () =>
            {
                var kind = row.Choice("kind", Kinds);
                var underlying = row.Text("underlying");
                var quantity = row.Double("quantity");
                return kind switch
                {
                    PositionKind.Option => Position.Option(underlying, row.Choice("type", Choices.OptionTypes), row.Double("K"), row.Double("T"), quantity),
                    PositionKind.Future => Position.Future(underlying, row.Double("T"), quantity),
                    _ => Position.Spot(underlying, quantity),
                };
            }));
        }

        return new Portfolio(positions);
    }

    /// <summary>Reads <c>underlying,S,r,q,sigma</c>, one row per underlying.</summary>
    public static MarketData ReadMarket(string path)
    {
        var table = Read(path, "underlying", "S", "r", "q", "sigma");
        var quotes = new List<UnderlyingQuote>(table.Rows.Count);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = new RowReader(table, table.Rows[i]);
            quotes.Add(Field(path, i, () => new UnderlyingQuote(row.Text("underlying"), row.Double("S"), row.Double("r"), row.Double("q"), row.Double("sigma"))));
        }

        return new MarketData(quotes);
    }

    /// <summary>Reads basket assets <c>underlying,S,q,sigma,weight</c>, one row per asset, in basket order.</summary>
    public static IReadOnlyList<(string Name, double Spot, double DividendYield, double Volatility, double Weight)> ReadBasketAssets(string path)
    {
        var table = Read(path, "underlying", "S", "q", "sigma", "weight");
        var assets = new List<(string, double, double, double, double)>(table.Rows.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = new RowReader(table, table.Rows[i]);
            var asset = Field(path, i, () => (row.Text("underlying"), row.Double("S"), row.Double("q"), row.Double("sigma"), row.Double("weight")));
            if (!names.Add(asset.Item1))
            {
                throw new CsvFormatException($"{path} row {i + 1}: the basket names underlying '{asset.Item1}' twice");
            }

            assets.Add(asset);
        }

        return assets;
    }

    /// <summary>Reads a square matrix: header <c>underlying,A,B,…</c>, then one row per underlying in the header's order.</summary>
    public static CorrelationMatrix ReadCorrelation(string path)
    {
        var table = Read(path, "underlying");
        if (table.IndexOf("underlying") != 0)
        {
            throw new CsvFormatException($"{path}: the first column must be 'underlying'");
        }

        var names = table.Header.Skip(1).Select(h => h.Trim()).ToList();
        if (table.Rows.Count != names.Count)
        {
            throw new CsvFormatException($"{path}: {names.Count} underlying columns but {table.Rows.Count} rows; the matrix must be square");
        }

        var values = new double[names.Count * names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            var row = table.Rows[i];
            if (!string.Equals(row[0].Trim(), names[i], StringComparison.Ordinal))
            {
                throw new CsvFormatException($"{path} row {i + 1}: underlying '{row[0].Trim()}', but column {i + 2} is '{names[i]}'; rows must follow the header's order");
            }

            for (var j = 0; j < names.Count; j++)
            {
                values[(i * names.Count) + j] = Number(path, i, names[j], row[j + 1]);
            }
        }

        return new CorrelationMatrix(names, values);
    }

    /// <summary>Reads a history: the first column is the date or index (rows oldest first), then one close column per underlying; only <paramref name="underlyings"/> are read.</summary>
    public static PriceHistory ReadHistory(string path, IReadOnlyList<string> underlyings)
    {
        var table = Read(path);
        if (table.Rows.Count < 2)
        {
            throw new CsvFormatException($"{path}: {table.Rows.Count} data row(s); a history needs at least 2");
        }

        var series = new List<double[]>(underlyings.Count);
        foreach (var name in underlyings)
        {
            var column = table.IndexOf(name);
            if (column <= 0)
            {
                throw new CsvFormatException($"{path}: no column for underlying '{name}' (columns after the date: {string.Join(", ", table.Header.Skip(1))})");
            }

            var closes = new double[table.Rows.Count];
            for (var t = 0; t < closes.Length; t++)
            {
                closes[t] = Number(path, t, name, table.Rows[t][column]);
            }

            series.Add(closes);
        }

        return new PriceHistory(underlyings, series);
    }

    /// <summary>The distinct underlyings of <paramref name="portfolio"/>, in order of first appearance.</summary>
    public static IReadOnlyList<string> Underlyings(Portfolio portfolio) =>
        [.. portfolio.Positions.Select(p => p.Underlying).Distinct(StringComparer.Ordinal)];

    private static CsvTable Read(string path, params string[] required)
    {
        CsvTable table;
        try
        {
            table = CsvTable.Read(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CsvFormatException($"cannot read {path}: {ex.Message}");
        }
        catch (CsvFormatException ex)
        {
            throw new CsvFormatException($"{path}: {ex.Message}");
        }

        foreach (var column in required)
        {
            if (table.IndexOf(column) < 0)
            {
                throw new CsvFormatException($"{path}: no column '{column}' (header: {string.Join(",", table.Header)})");
            }
        }

        if (table.Rows.Count == 0)
        {
            throw new CsvFormatException($"{path}: no data rows");
        }

        return table;
    }

    private static double Number(string path, int row, string column, string text)
    {
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new CsvFormatException($"{path} row {row + 1}: {column} must be a number with '.' decimals (got '{text.Trim()}')");
        }

        return value;
    }

    private static T Field<T>(string path, int row, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (RowInputException ex)
        {
            throw new CsvFormatException($"{path} row {row + 1}: {ex.Message}");
        }
    }
}
