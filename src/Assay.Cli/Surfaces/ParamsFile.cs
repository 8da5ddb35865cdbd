using System.Globalization;
using System.Text;
using Assay.Cli.Csv;
using Assay.Pricing;
using Assay.Pricing.Surfaces;

namespace Assay.Cli.Surfaces;

/// <summary>The fitted-parameters CSV: one row per expiry slice.</summary>
/// <remarks>
/// Columns: <c>model,expiry,forward,a,b,rho,m,sigma,theta,eta,gamma,quotes,rmse_vol_pts,max_abs_err_vol_pts,iterations</c>.
/// a … sigma are the raw SVI parameters of the slice (for SSVI, its exact raw form); theta is the at-the-money total
/// variance (for SSVI, the fitted θ); eta and gamma are set for SSVI only. Doubles are written round-trip ("R").
/// Reading needs model, expiry, forward and a, b, rho, m, sigma (svi) or theta, rho, eta, gamma (ssvi).
/// </remarks>
public static class ParamsFile
{
    /// <summary>The header, in column order.</summary>
    public static readonly string[] Header =
        ["model", "expiry", "forward", "a", "b", "rho", "m", "sigma", "theta", "eta", "gamma", "quotes", "rmse_vol_pts", "max_abs_err_vol_pts", "iterations"];

    /// <summary>The CSV text of a fit.</summary>
    public static string Format(SurfaceFitResult fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(string.Join(',', Header)).Append('\n');
        var ssvi = fit.Surface.Ssvi;
        for (var i = 0; i < fit.Slices.Count; i++)
        {
            var s = fit.Slices[i];
            var p = s.Parameters;
            var theta = ssvi is null ? s.Theta : fit.Surface.Thetas[i];
            string[] fields =
            [
                ssvi is null ? "svi" : "ssvi",
                s.ExpiryYears.ToString("R", c), s.Forward.ToString("R", c),
                p.A.ToString("R", c), p.B.ToString("R", c), p.Rho.ToString("R", c), p.M.ToString("R", c), p.Sigma.ToString("R", c),
                theta.ToString("R", c),
                ssvi is { } e ? e.Eta.ToString("R", c) : string.Empty,
                ssvi is { } g ? g.Gamma.ToString("R", c) : string.Empty,
                s.QuoteCount.ToString(c), s.RmseVolPoints.ToString("R", c), s.MaxAbsErrorVolPoints.ToString("R", c), s.Iterations.ToString(c),
            ];
            text.Append(string.Join(',', fields)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Builds the surface a parameters file describes.</summary>
    /// <exception cref="SurfaceFileException">A column is missing, a row is invalid, or the rows mix models.</exception>
    public static VolSurface Read(CsvTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (var column in new[] { "model", "expiry", "forward" })
        {
            Require(table, column);
        }

        if (table.Rows.Count == 0)
        {
            throw new SurfaceFileException("the parameters file has no rows");
        }

        var model = table.Rows[0][table.IndexOf("model")].Trim();
        try
        {
            if (string.Equals(model, "ssvi", StringComparison.OrdinalIgnoreCase))
            {
                return ReadSsvi(table);
            }

            if (string.Equals(model, "svi", StringComparison.OrdinalIgnoreCase))
            {
                return ReadSvi(table);
            }
        }
        catch (PricingInputException ex)
        {
            throw new SurfaceFileException($"parameters: {ex.Message}");
        }

        throw new SurfaceFileException($"line 2: model must be svi or ssvi (got '{model}')");
    }

    private static VolSurface ReadSvi(CsvTable table)
    {
        foreach (var column in new[] { "a", "b", "rho", "m", "sigma" })
        {
            Require(table, column);
        }

        var slices = new List<SurfaceSlice>();
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var line = i + 2;
            var row = table.Rows[i];
            RequireModel(table, row, line, "svi");
            var p = new SviParameters(
                Number(table, row, "a", line), Number(table, row, "b", line), Number(table, row, "rho", line),
                Number(table, row, "m", line), Number(table, row, "sigma", line));
            try
            {
                p.Validate();
            }
            catch (PricingInputException ex)
            {
                throw new SurfaceFileException($"line {line}: {ex.Message}");
            }

            slices.Add(new SurfaceSlice(Number(table, row, "expiry", line), Number(table, row, "forward", line), p));
        }

        return VolSurface.FromSvi(slices);
    }

    private static VolSurface ReadSsvi(CsvTable table)
    {
        foreach (var column in new[] { "theta", "rho", "eta", "gamma" })
        {
            Require(table, column);
        }

        SsviParameters? shared = null;
        var slices = new List<SsviSlice>();
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var line = i + 2;
            var row = table.Rows[i];
            RequireModel(table, row, line, "ssvi");
            var p = new SsviParameters(Number(table, row, "rho", line), Number(table, row, "eta", line), Number(table, row, "gamma", line));
            if (shared is { } first && first != p)
            {
                throw new SurfaceFileException($"line {line}: rho, eta and gamma must be the same on every ssvi row (got {p}, line 2 has {first})");
            }

            shared = p;
            slices.Add(new SsviSlice(Number(table, row, "expiry", line), Number(table, row, "forward", line), Number(table, row, "theta", line)));
        }

        return VolSurface.FromSsvi(shared!.Value, slices);
    }

    private static void RequireModel(CsvTable table, string[] row, int line, string model)
    {
        var text = row[table.IndexOf("model")].Trim();
        if (!string.Equals(text, model, StringComparison.OrdinalIgnoreCase))
        {
            throw new SurfaceFileException($"line {line}: model must be {model} like line 2 (got '{text}'); one model per file");
        }
    }

    private static double Number(CsvTable table, string[] row, string column, int line)
    {
        var text = row[table.IndexOf(column)].Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new SurfaceFileException($"line {line}: {column} must be a finite number with '.' decimals (got '{text}')");
        }

        return value;
    }

    private static void Require(CsvTable table, string column)
    {
        if (table.IndexOf(column) < 0)
        {
            throw new SurfaceFileException($"the parameters file has no column '{column}'");
        }
    }
}
