using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Assay.Cli.Csv;
using Assay.Cli.Risk;
using Assay.Pricing;
using Assay.Pricing.Risk;

namespace Assay.Cli.Commands;

/// <summary><c>assay var</c>: value-at-risk and expected shortfall of a portfolio by historical simulation, delta–gamma or Monte Carlo.</summary>
public static class VarCommand
{
    /// <summary>Exit code of a successful run.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code of a usage, file or input error; nothing is written.</summary>
    public const int ExitError = 1;

    private static readonly string[] Methods = ["historical", "parametric", "mc"];
    private static readonly string[] WindowChoices = ["overlapping", "non-overlapping"];

    /// <summary>Builds the <c>var</c> command.</summary>
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var portfolio = new Option<string>("--portfolio") { Description = "Portfolio CSV: kind,underlying,type,K,T,quantity.", Required = true };
        var market = new Option<string>("--market") { Description = "Market CSV: underlying,S,r,q,sigma.", Required = true };
        var method = new Option<string>("--method") { Description = "historical|parametric|mc.", Required = true };
        method.AcceptOnlyFromAmong(Methods);
        var confidence = new Option<double>("--confidence") { Description = "Confidence level c, 0.5 < c < 1.", DefaultValueFactory = _ => 0.99 };
        var horizon = new Option<int>("--horizon-days") { Description = "Horizon h in days, 1..365.", DefaultValueFactory = _ => 1 };
        var history = new Option<string?>("--history") { Description = "Price history CSV: a date/index column, then one close column per underlying, oldest row first." };
        var correlation = new Option<string?>("--correlation") { Description = "Correlation CSV: header underlying,A,B,...; one row per underlying in header order." };
        var windows = new Option<string>("--windows") { Description = "History windows: overlapping|non-overlapping.", DefaultValueFactory = _ => "overlapping" };
        windows.AcceptOnlyFromAmong(WindowChoices);
        var scenarios = new Option<int>("--scenarios") { Description = "Monte Carlo scenarios N.", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<ulong>("--seed") { Description = "Monte Carlo seed (the Philox key).", DefaultValueFactory = _ => 1UL };
        var pnl = new Option<string?>("--pnl") { Description = "Write the scenario P&L vector here as CSV scenario,pnl (historical and mc; written whole or not at all)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object {\"method\",\"confidence\",\"horizon_days\",\"var\",\"es\",\"scenarios\"} instead of a table." };
        var command = new Command(
            "var",
            """
            Value-at-risk and expected shortfall of a portfolio over h days at confidence c, as positive losses.

            Methods:
              historical  past h-day log returns of --history applied to today's spots, full revaluation.
              parametric  delta-gamma-theta P&L, its four cumulants in closed form, Cornish-Fisher quantile and ES.
              mc          N correlated Gaussian log-return shocks (seeded Philox), full revaluation.
            parametric and mc take the h-day return covariance from --history if given, else from the flat vols
            of --market and --correlation (required when the portfolio holds more than one underlying).
            Every scenario moves the calendar forward h/365 years; rates, yields and vols stay fixed.
            VaR = k-th largest scenario loss, ES = mean of the k largest, k = ceil(n*(1-c)).

            Files (CSV with a header row; columns matched by name):
              portfolio    kind,underlying,type,K,T,quantity   kind option|future|spot; type call|put (options);
                           K (options); T in years (options, futures); quantity signed units. A future is
                           worth quantity*(F - F0), F = S*exp((r-q)*T).
              market       underlying,S,r,q,sigma               r, q continuously compounded; sigma per year.
              correlation  underlying,A,B,...                   square, rows in header order.
              history      date,A,B,...                         first column a date or index (ignored), oldest first.
            Output: a table, or --json. Exit code 0 ok, 1 usage, file or input error (message names the field).

            Example:
              assay var --portfolio samples/var/portfolio.csv --market samples/var/market.csv --method historical --history samples/var/eustockmarkets.csv
            """)
        {
            portfolio, market, method, confidence, horizon, history, correlation, windows, scenarios, seed, pnl, json,
        };
        command.SetAction(parse => Run(
            new VarRequest(
                parse.GetValue(portfolio)!,
                parse.GetValue(market)!,
                parse.GetValue(method)!,
                parse.GetValue(confidence),
                parse.GetValue(horizon),
                parse.GetValue(history),
                parse.GetValue(correlation),
                parse.GetValue(windows) == "non-overlapping" ? HistoricalWindows.NonOverlapping : HistoricalWindows.Overlapping,
                parse.GetValue(scenarios),
                parse.GetValue(seed),
                parse.GetValue(pnl),
                parse.GetValue(json)),
            stdout,
            stderr));
        return command;
    }

    private static int Run(VarRequest request, TextWriter stdout, TextWriter stderr)
    {
        VarResult result;
        try
        {
            result = Compute(request);
        }
        catch (Exception ex) when (ex is CsvFormatException or PricingInputException)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitError;
        }

        if (request.PnlPath is not null)
        {
            try
            {
                WritePnlAtomically(result.ProfitAndLoss, request.PnlPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"error: cannot write {request.PnlPath}: {ex.Message}");
                return ExitError;
            }
        }

        if (request.Json)
        {
            WriteJson(stdout, request.Method, result);
        }
        else
        {
            WriteTable(stdout, request.Method, result);
        }

        return ExitOk;
    }

    private static VarResult Compute(VarRequest r)
    {
        TailRisk.ValidateConfidence(r.Confidence);
        RiskHorizon.Validate(r.HorizonDays);
        if (r.Method == "parametric" && r.PnlPath is not null)
        {
            InputGuard.Fail("pnl", "--pnl needs a scenario method (historical or mc); parametric has no scenarios");
        }

        var portfolio = Load(r.PortfolioPath, () => RiskInputs.ReadPortfolio(r.PortfolioPath));
        var market = Load(r.MarketPath, () => RiskInputs.ReadMarket(r.MarketPath));
        portfolio.Validate(market, r.HorizonDays);
        var underlyings = RiskInputs.Underlyings(portfolio);
        var history = r.HistoryPath is null ? null : Load(r.HistoryPath, () => RiskInputs.ReadHistory(r.HistoryPath, underlyings));
        if (r.Method == "historical")
        {
            if (history is null)
            {
                InputGuard.Fail("history", "--history is required for --method historical");
            }

            return HistoricalSimulation.Run(new HistoricalVarParameters(portfolio, market, history, r.Confidence, r.HorizonDays, r.Windows));
        }

        var covariance = Covariance(r, market, underlyings, history);
        return r.Method == "parametric"
            ? DeltaGammaVar.Run(new ParametricVarParameters(portfolio, market, covariance, r.Confidence, r.HorizonDays))
            : MonteCarloSimulation.Run(new MonteCarloVarParameters(portfolio, market, covariance, r.Confidence, r.HorizonDays, r.Scenarios, r.Seed));
    }

    private static ReturnCovariance Covariance(VarRequest r, MarketData market, IReadOnlyList<string> underlyings, PriceHistory? history)
    {
        if (history is not null)
        {
            if (r.CorrelationPath is not null)
            {
                InputGuard.Fail("correlation", "give either --history (historical covariance) or --correlation (flat vols and correlations), not both");
            }

            return ReturnCovariance.FromHistory(history, r.HorizonDays, r.Windows);
        }

        CorrelationMatrix correlation;
        if (r.CorrelationPath is not null)
        {
            correlation = Load(r.CorrelationPath, () => RiskInputs.ReadCorrelation(r.CorrelationPath));
        }
        else if (underlyings.Count == 1)
        {
            correlation = CorrelationMatrix.Identity(underlyings);
        }
        else
        {
            InputGuard.Fail("correlation", $"--correlation (or --history) is required: the portfolio holds {underlyings.Count} underlyings ({string.Join(", ", underlyings)})");
            return null!;
        }

        return ReturnCovariance.FromVolatilities(market, correlation, r.HorizonDays);
    }

    private static T Load<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (PricingInputException ex)
        {
            throw new PricingInputException(ex.Field, $"{path}: {ex.Message}");
        }
    }

    private static void WriteJson(TextWriter stdout, string method, in VarResult result)
    {
        var json = new JsonObject
        {
            ["method"] = method,
            ["confidence"] = result.Confidence,
            ["horizon_days"] = result.HorizonDays,
            ["var"] = result.ValueAtRisk,
            ["es"] = result.ExpectedShortfall,
            ["scenarios"] = result.ScenarioCount,
        };
        stdout.WriteLine(json.ToJsonString());
    }

    private static void WriteTable(TextWriter stdout, string method, in VarResult result)
    {
        var c = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Format(c, "{0,-12} {1}", "method", method));
        stdout.WriteLine(string.Format(c, "{0,-12} {1}", "confidence", result.Confidence));
        stdout.WriteLine(string.Format(c, "{0,-12} {1} day(s)", "horizon", result.HorizonDays));
        stdout.WriteLine(string.Format(c, "{0,-12} {1:G10}", "VaR", result.ValueAtRisk));
        stdout.WriteLine(string.Format(c, "{0,-12} {1:G10}", "ES", result.ExpectedShortfall));
        stdout.WriteLine(string.Format(c, "{0,-12} {1}", "scenarios", result.ScenarioCount == 0 ? "none (closed form)" : result.ScenarioCount.ToString(c)));
    }

    /// <summary>Writes to a temporary file beside the target and renames it, so a failure leaves no partial file.</summary>
    private static void WritePnlAtomically(ReadOnlyMemory<double> pnl, string path) => AtomicFile.Write(path, writer =>
    {
        writer.Write("scenario,pnl\n");
        var values = pnl.Span;
        for (var i = 0; i < values.Length; i++)
        {
            writer.Write(i.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(values[i].ToString("R", CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    });

    private sealed record VarRequest(
        string PortfolioPath,
        string MarketPath,
        string Method,
        double Confidence,
        int HorizonDays,
        string? HistoryPath,
        string? CorrelationPath,
        HistoricalWindows Windows,
        int Scenarios,
        ulong Seed,
        string? PnlPath,
        bool Json);
}
