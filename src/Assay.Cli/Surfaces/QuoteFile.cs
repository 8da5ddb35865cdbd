using System.Globalization;
using Assay.Cli.Csv;
using Assay.Numerics;
using Assay.Pricing;
using Assay.Pricing.Instruments;
using Assay.Pricing.Surfaces;
using Assay.Pricing.Volatility;

namespace Assay.Cli.Surfaces;

/// <summary>Reads a quotes CSV for <c>assay surface fit|plot</c>.</summary>
/// <remarks>
/// Columns (names case-insensitive, any order, extra columns ignored):
/// <list type="bullet">
/// <item><c>expiry</c> (T in years) and <c>strike</c>: always.</item>
/// <item>The forward: <c>forward</c>, or <c>spot</c>, <c>r</c>, <c>q</c> giving F = S·e^((r − q)T).</item>
/// <item>The quote, one of: <c>iv</c>; <c>bid_iv</c> and <c>ask_iv</c> (mid fitted with weight 1/spread, and
/// <c>iv</c> if also present is used as the mid); <c>type</c> (call|put) and <c>price</c> (present value, discounted at
/// <c>r</c> when that column exists, else undiscounted), converted with Black-76 implied volatility.</item>
/// </list>
/// </remarks>
public static class QuoteFile
{
    private static readonly Dictionary<string, OptionType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["call"] = OptionType.Call,
        ["put"] = OptionType.Put,
    };

    /// <summary>Reads and validates every row; the first bad row fails with its line and field.</summary>
    /// <exception cref="SurfaceFileException">A column is missing or a row is invalid.</exception>
    public static List<QuoteRow> Read(CsvTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        Require(table, "expiry");
        Require(table, "strike");
        var hasForward = table.IndexOf("forward") >= 0;
        if (!hasForward && (table.IndexOf("spot") < 0 || table.IndexOf("r") < 0 || table.IndexOf("q") < 0))
        {
            throw new SurfaceFileException("the quotes need a 'forward' column, or 'spot', 'r' and 'q' columns (F = spot*exp((r-q)*expiry))");
        }

        var hasBidAsk = table.IndexOf("bid_iv") >= 0 || table.IndexOf("ask_iv") >= 0;
        if (hasBidAsk)
        {
            Require(table, "bid_iv");
            Require(table, "ask_iv");
        }

        var hasIv = table.IndexOf("iv") >= 0;
        var hasPrice = table.IndexOf("price") >= 0;
        if (!hasIv && !hasBidAsk && !hasPrice)
        {
            throw new SurfaceFileException("the quotes need an 'iv' column, 'bid_iv' and 'ask_iv' columns, or 'type' and 'price' columns");
        }

        if (hasPrice && !hasIv && !hasBidAsk)
        {
            Require(table, "type");
        }

        var rows = new List<QuoteRow>(table.Rows.Count);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var line = i + 2;
            try
            {
                rows.Add(ReadRow(table, table.Rows[i], line, hasForward, hasBidAsk, hasIv));
            }
            catch (PricingInputException ex)
            {
                throw new SurfaceFileException($"line {line}: {ex.Message}");
            }
        }

        return rows;
    }

    private static QuoteRow ReadRow(CsvTable table, string[] row, int line, bool hasForward, bool hasBidAsk, bool hasIv)
    {
        var expiry = Number(table, row, "expiry", line);
        var strike = Number(table, row, "strike", line);
        InputGuard.Positive(expiry, "expiry");
        InputGuard.Positive(strike, "strike");
        double forward;
        if (hasForward)
        {
            forward = Number(table, row, "forward", line);
        }
        else
        {
            var spot = Number(table, row, "spot", line);
            var r = Number(table, row, "r", line);
            var q = Number(table, row, "q", line);
            InputGuard.Positive(spot, "spot");
            InputGuard.Finite(r, "r");
            InputGuard.Finite(q, "q");
            forward = spot * DMath.Exp((r - q) * expiry);
        }

        InputGuard.Positive(forward, "forward");
        VolQuote quote;
        double bid = double.NaN, ask = double.NaN;
        if (hasBidAsk)
        {
            bid = Number(table, row, "bid_iv", line);
            ask = Number(table, row, "ask_iv", line);
            quote = VolQuote.FromBidAsk(expiry, strike, forward, bid, ask);
            if (hasIv)
            {
                var mid = Number(table, row, "iv", line);
                InputGuard.Positive(mid, "iv");
                quote = quote with { ImpliedVol = mid };
            }
        }
        else if (hasIv)
        {
            quote = new VolQuote(expiry, strike, forward, Number(table, row, "iv", line), 1.0);
        }
        else
        {
            quote = new VolQuote(expiry, strike, forward, FromPrice(table, row, line, expiry, strike, forward), 1.0);
        }

        quote.Validate();
        return new QuoteRow(line, quote, bid, ask);
    }

    private static double FromPrice(CsvTable table, string[] row, int line, double expiry, double strike, double forward)
    {
        var typeText = row[table.IndexOf("type")].Trim();
        if (!Types.TryGetValue(typeText, out var type))
        {
            throw new SurfaceFileException($"line {line}: type must be call or put (got '{typeText}')");
        }

        var price = Number(table, row, "price", line);
        var rate = table.IndexOf("r") >= 0 ? Number(table, row, "r", line) : 0.0;
        var result = ImpliedVolatility.SolveBlack76(type, forward, strike, expiry, rate, price);
        if (result.Status != ImpliedVolatilityStatus.Solved)
        {
            InputGuard.Fail("price", string.Create(
                CultureInfo.InvariantCulture,
                $"price {price:R} admits no positive implied volatility: it must lie strictly between the intrinsic value {result.LowerBound:R} and the upper bound {result.UpperBound:R}"));
        }

        return result.Volatility;
    }

    private static double Number(CsvTable table, string[] row, string column, int line)
    {
        var text = row[table.IndexOf(column)].Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new SurfaceFileException($"line {line}: {column} must be a number with '.' decimals (got '{text}')");
        }

        if (!double.IsFinite(value))
        {
            throw new SurfaceFileException($"line {line}: {column} must be a finite number (got '{text}')");
        }

        return value;
    }

    private static void Require(CsvTable table, string column)
    {
        if (table.IndexOf(column) < 0)
        {
            throw new SurfaceFileException($"the quotes have no column '{column}'");
        }
    }
}
