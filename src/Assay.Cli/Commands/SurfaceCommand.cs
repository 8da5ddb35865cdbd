using System.CommandLine;
using System.Globalization;
using Assay.Cli.Csv;
using Assay.Cli.Surfaces;
using Assay.Pricing;
using Assay.Pricing.Surfaces;

namespace Assay.Cli.Commands;

/// <summary><c>assay surface</c>: fit SVI/SSVI volatility surfaces, read them, and plot the smiles.</summary>
public static class SurfaceCommand
{
    /// <summary>Exit code when the fit succeeded and the surface is free of arbitrage on the check grid.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code for a usage, file or input error; nothing is written.</summary>
    public const int ExitUsage = 1;

    /// <summary>Exit code when the parameters were written but the surface shows arbitrage on the check grid.</summary>
    public const int ExitArbitrage = 2;

    /// <summary>At most this many violations are listed; the count covers them all.</summary>
    private const int MaxListedViolations = 20;

    private const string QuotesHelp =
        """
        Quotes CSV (header row; names case-insensitive; other columns ignored):
          expiry,strike             always; expiry T in years (ACT/365)
          forward                   the forward F for the expiry (one per expiry), or
          spot,r,q                  F = spot*exp((r-q)*T), r and q continuously compounded
          iv                        implied vol (0.2 = 20%), weight 1; or
          bid_iv,ask_iv             mid = (bid+ask)/2 (or iv if present), weight 1/max(ask-bid, 0.0001); or
          type,price                call|put present value, Black-76 implied vol (discounted at r if given, else r = 0)
        Each expiry needs at least 5 quotes with 5 distinct strikes.
        """;

    private const string ParamsHelp =
        """
        Parameters CSV, one row per expiry:
          model,expiry,forward,a,b,rho,m,sigma,theta,eta,gamma,quotes,rmse_vol_pts,max_abs_err_vol_pts,iterations
        a..sigma: raw SVI w(k) = a + b(rho(k-m) + sqrt((k-m)^2 + sigma^2)), k = ln(K/F), w = vol^2*T (for ssvi, the
        slice's exact raw form); theta: ATM total variance; eta, gamma: SSVI only. Errors in vol points (1 = 1%).
        """;

    /// <summary>Builds the <c>surface</c> command and its subcommands.</summary>
    public static Command Build(TextWriter stdout, TextWriter stderr) =>
        new("surface", "Fit implied-volatility surfaces (raw SVI per expiry or SSVI), query them and plot the smiles.")
        {
            FitCommand(stdout, stderr),
            VolCommand(stdout, stderr),
            PlotCommand(stderr),
        };

    private static Command FitCommand(TextWriter stdout, TextWriter stderr)
    {
        var quotes = QuotesOption();
        var output = new Option<string>("--output", "-o") { Description = "The parameters CSV to write (whole or not at all).", Required = true };
        var model = new Option<string>("--model", "-m") { Description = "svi (raw SVI per expiry, default) or ssvi (power-law SSVI).", DefaultValueFactory = _ => "svi" };
        model.AcceptOnlyFromAmong("svi", "ssvi");
        var noArbitrage = new Option<bool>("--no-arbitrage")
        {
            Description = "Re-fit raw SVI slices that show butterfly or calendar arbitrage with penalties until none is left on the grid.",
        };
        var command = new Command(
            "fit",
            $"""
            Fit a surface to quotes and write its parameters.

            Raw SVI: each expiry by weighted least squares on total variance (Zeliade's quasi-explicit method,
            deterministic: the same bits on every machine). SSVI: one rho, eta, gamma for the surface and one theta per
            expiry, constrained to be free of static arbitrage (Gatheral-Jacquier 2014). The fit then checks butterfly
            (g(k) >= 0) and calendar (w non-decreasing in T) arbitrage on k = -1.5..1.5 step 0.01 and lists violations.

            {QuotesHelp}

            {ParamsHelp}

            Exit code: 0 fitted and arbitrage-free on the grid, 2 fitted (parameters written) with arbitrage listed,
            1 usage, file or input error.

            Example:
              assay surface fit --quotes samples/surface/quotes.csv --output params.csv --no-arbitrage
            """)
        {
            quotes, output, model, noArbitrage,
        };
        command.SetAction(parse =>
        {
            var quotesPath = parse.GetValue(quotes)!;
            var outputPath = parse.GetValue(output)!;
            var options = new SurfaceFitOptions
            {
                Model = parse.GetValue(model) == "ssvi" ? SurfaceModel.Ssvi : SurfaceModel.Svi,
                EnforceNoArbitrage = parse.GetValue(noArbitrage),
            };
            return Guard(stderr, () => Fit(quotesPath, outputPath, options, stdout, stderr));
        });
        return command;
    }

    private static int Fit(string quotesPath, string outputPath, SurfaceFitOptions options, TextWriter stdout, TextWriter stderr)
    {
        var rows = ReadQuotes(quotesPath);
        SurfaceFitResult fit;
        try
        {
            fit = SurfaceFitter.Fit(rows.Select(r => r.Quote).ToArray(), options);
        }
        catch (PricingInputException ex)
        {
            throw new SurfaceFileException($"{quotesPath}: {QuoteIndexToLine(ex.Message, rows)}");
        }

        AtomicFile.WriteAllText(outputPath, ParamsFile.Format(fit));
        WriteFitTable(stdout, fit);
        var butterflies = fit.Violations.Count(v => v.Kind == ArbitrageKind.Butterfly);
        var calendars = fit.Violations.Count - butterflies;
        if (fit.Violations.Count == 0)
        {
            stderr.WriteLine($"surface fit: {fit.Slices.Count} expiries, {rows.Count} quotes, model {Name(fit.Model)}; no butterfly or calendar arbitrage on the grid; wrote {outputPath}");
            return ExitOk;
        }

        stdout.WriteLine($"arbitrage on the grid: {butterflies} butterfly points (g(k) < 0), {calendars} calendar points (w decreasing in T)");
        foreach (var v in fit.Violations.Take(MaxListedViolations))
        {
            stdout.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                v.Kind == ArbitrageKind.Butterfly ? "  butterfly slice {0} (T={1:0.######}) k={2:0.00} g={3:G6}" : "  calendar  slice {0} (T={1:0.######}) k={2:0.00} w-w_prev={3:G6}",
                v.SliceIndex,
                v.ExpiryYears,
                v.LogMoneyness,
                v.Value));
        }

        if (fit.Violations.Count > MaxListedViolations)
        {
            stdout.WriteLine($"  ... {fit.Violations.Count - MaxListedViolations} more");
        }

        stderr.WriteLine($"surface fit: wrote {outputPath}, but the surface has arbitrage (see above){(options.EnforceNoArbitrage || options.Model == SurfaceModel.Ssvi ? string.Empty : "; --no-arbitrage re-fits it away")}");
        return ExitArbitrage;
    }

    private static Command VolCommand(TextWriter stdout, TextWriter stderr)
    {
        var parameters = ParamsOption();
        var strike = new Option<double>("--strike", "-k") { Description = "Strike K > 0.", Required = true };
        var expiry = new Option<double>("--expiry", "-t") { Description = "Time to expiry T > 0 in years.", Required = true };
        var command = new Command(
            "vol",
            $"""
            Read the implied volatility and total variance of a fitted surface at one strike and expiry.

            Between expiries total variance is linear in T at fixed k = ln(K/F(T)) (for ssvi, theta is linear in T);
            before the first and after the last expiry the implied vol at fixed k is held flat. F(T) is log-linear in T
            between the expiries' forwards. Prints forward, log_moneyness, total_variance and implied_vol.

            {ParamsHelp}

            Example:
              assay surface vol --params params.csv --strike 105 --expiry 0.75
            """)
        {
            parameters, strike, expiry,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(parameters)!;
            var k = parse.GetValue(strike);
            var t = parse.GetValue(expiry);
            return Guard(stderr, () =>
            {
                var surface = ReadParams(path);
                SurfacePoint point;
                try
                {
                    point = surface.Query(k, t);
                }
                catch (PricingInputException ex)
                {
                    throw new SurfaceFileException(ex.Message);
                }

                var c = CultureInfo.InvariantCulture;
                stdout.WriteLine(string.Format(c, "strike          {0:R}", k));
                stdout.WriteLine(string.Format(c, "expiry          {0:R}", t));
                stdout.WriteLine(string.Format(c, "forward         {0:R}", point.Forward));
                stdout.WriteLine(string.Format(c, "log_moneyness   {0:R}", point.LogMoneyness));
                stdout.WriteLine(string.Format(c, "total_variance  {0:R}", point.TotalVariance));
                stdout.WriteLine(string.Format(c, "implied_vol     {0:R}  ({1:0.####}%)", point.ImpliedVol, 100.0 * point.ImpliedVol));
                return ExitOk;
            });
        });
        return command;
    }

    private static Command PlotCommand(TextWriter stderr)
    {
        var quotes = QuotesOption();
        var parameters = ParamsOption();
        var output = new Option<string>("--output", "-o") { Description = "The SVG file to write (whole or not at all).", Required = true };
        var command = new Command(
            "plot",
            $"""
            Draw the fitted smiles with the quotes over them as an SVG: implied vol (%) against k = ln(K/F), one colour
            per expiry with a legend, mids as dots and bid/ask as bars.

            {QuotesHelp}

            Example:
              assay surface plot --quotes samples/surface/quotes.csv --params params.csv --output smiles.svg
            """)
        {
            quotes, parameters, output,
        };
        command.SetAction(parse =>
        {
            var quotesPath = parse.GetValue(quotes)!;
            var paramsPath = parse.GetValue(parameters)!;
            var outputPath = parse.GetValue(output)!;
            return Guard(stderr, () =>
            {
                var rows = ReadQuotes(quotesPath);
                var surface = ReadParams(paramsPath);
                var title = $"Implied volatility smiles: {(surface.Ssvi is null ? "raw SVI" : "SSVI")} fit, {surface.Slices.Count} expiries, {rows.Count} quotes";
                AtomicFile.WriteAllText(outputPath, SmilePlot.Render(surface, rows, title));
                stderr.WriteLine($"surface plot: wrote {outputPath}");
                return ExitOk;
            });
        });
        return command;
    }

    private static void WriteFitTable(TextWriter stdout, SurfaceFitResult fit)
    {
        var c = CultureInfo.InvariantCulture;
        stdout.WriteLine($"{"expiry",9} {"forward",11} {"a",10} {"b",9} {"rho",8} {"m",9} {"sigma",8} {"theta",9} {"quotes",6} {"rmse_pts",9} {"max_pts",8} {"iter",5}");
        foreach (var s in fit.Slices)
        {
            var p = s.Parameters;
            stdout.WriteLine(string.Format(
                c,
                "{0,9:0.######} {1,11:0.####} {2,10:0.000000} {3,9:0.000000} {4,8:0.0000} {5,9:0.000000} {6,8:0.00000} {7,9:0.000000} {8,6} {9,9:0.0000} {10,8:0.0000} {11,5}",
                s.ExpiryYears, s.Forward, p.A, p.B, p.Rho, p.M, p.Sigma, s.Theta, s.QuoteCount, s.RmseVolPoints, s.MaxAbsErrorVolPoints, s.Iterations));
        }

        if (fit.Surface.Ssvi is { } ssvi)
        {
            stdout.WriteLine(string.Format(c, "ssvi: rho {0:0.######} eta {1:0.######} gamma {2:0.######} (eta*(1+|rho|) = {3:0.####} <= 2)", ssvi.Rho, ssvi.Eta, ssvi.Gamma, ssvi.Eta * (1 + Math.Abs(ssvi.Rho))));
        }
    }

    private static List<QuoteRow> ReadQuotes(string path)
    {
        var table = ReadCsv(path);
        try
        {
            return QuoteFile.Read(table);
        }
        catch (SurfaceFileException ex)
        {
            throw new SurfaceFileException($"{path}: {ex.Message}");
        }
    }

    private static VolSurface ReadParams(string path)
    {
        var table = ReadCsv(path);
        try
        {
            return ParamsFile.Read(table);
        }
        catch (SurfaceFileException ex)
        {
            throw new SurfaceFileException($"{path}: {ex.Message}");
        }
    }

    private static CsvTable ReadCsv(string path)
    {
        try
        {
            return CsvTable.Read(path);
        }
        catch (CsvFormatException ex)
        {
            throw new SurfaceFileException($"{path}: {ex.Message}");
        }
    }

    /// <summary>Rewrites the fitter's "quote i" (its input position) as the file's "line n".</summary>
    private static string QuoteIndexToLine(string message, List<QuoteRow> rows) =>
        System.Text.RegularExpressions.Regex.Replace(
            message,
            @"quote (\d+)",
            m => int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < rows.Count
                ? $"line {rows[i].Line}"
                : m.Value,
            System.Text.RegularExpressions.RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));

    private static int Guard(TextWriter stderr, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is SurfaceFileException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitUsage;
        }
    }

    private static string Name(SurfaceModel model) => model == SurfaceModel.Ssvi ? "ssvi" : "svi";

    private static Option<string> QuotesOption() => new("--quotes", "-q") { Description = "The quotes CSV (schema in the description above).", Required = true };

    private static Option<string> ParamsOption() => new("--params", "-p") { Description = "A parameters CSV written by 'assay surface fit'.", Required = true };
}
