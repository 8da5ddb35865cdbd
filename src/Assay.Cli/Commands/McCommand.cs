using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assay.Cli.Pricing;
using Assay.Pricing;
using Assay.Pricing.MonteCarlo;
using Spectre.Console;

namespace Assay.Cli.Commands;

/// <summary><c>assay mc</c>: one Monte Carlo valuation from command-line terms, as a table or one JSON object.</summary>
public static class McCommand
{
    /// <summary>Exit code of a finished valuation.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code of a usage or input error (the message names the flag or field).</summary>
    public const int ExitError = 1;

    /// <summary>Path-steps from which a progress bar is drawn on a terminal.</summary>
    private const long ProgressMinPathSteps = 50_000_000;

    /// <summary>Two-sided 95% quantile of the standard normal, Φ⁻¹(0.975).</summary>
    private const double Z95 = 1.959963984540054;

    private static readonly string[] Models = ["gbm", "heston"];

    private static readonly string[] Payoffs = ["european", "digital", "asian", "barrier", "lookback", "basket", "american"];

    /// <summary>Builds the <c>mc</c> command.</summary>
    /// <param name="console">Where the table and the progress bar go.</param>
    /// <param name="stdout">Where <c>--json</c> goes.</param>
    /// <param name="stderr">Where errors go.</param>
    public static Command Build(IAnsiConsole console, TextWriter stdout, TextWriter stderr)
    {
        var model = Choice("--model", "Dynamics: " + string.Join("|", Models) + ".", Models, "gbm");
        var payoff = Choice("--payoff", "Contract: " + string.Join("|", Payoffs) + ".", Payoffs, "european");
        var type = Choice("--type", "call|put.", ["call", "put"], "call");
        var spot = Number("--S", "Spot price S.");
        var strike = Number("--K", "Strike K.");
        var expiry = Number("--T", "Years to expiry T.");
        var rate = Number("--r", "Risk-free rate r, continuously compounded (default 0).");
        var dividend = Number("--q", "Dividend yield q, continuously compounded (default 0).");
        var sigma = Number("--sigma", "Volatility sigma per year (gbm).");
        var v0 = Number("--v0", "Initial variance v0 (heston).");
        var kappa = Number("--kappa", "Mean-reversion speed kappa (heston).");
        var theta = Number("--theta", "Long-run variance theta (heston).");
        var sigmaV = Number("--sigma-v", "Volatility of variance sigma_v (heston).");
        var rho = Number("--rho", "Correlation rho of spot and variance (heston).");
        var fixings = new Option<int?>("--fixings") { Description = "Number of averaging fixings (asian); default: every step." };
        var barrierType = Choice("--barrier-type", "DownOut|DownIn|UpOut|UpIn (barrier).", [.. Choices.BarrierTypes.Keys], null);
        var barrier = Number("--H", "Barrier level H (barrier).");
        var rebate = Number("--rebate", "Rebate paid when knocked out, or at expiry if never knocked in (barrier; default 0).");
        var scheme = Choice("--scheme", "Heston discretisation: qe (Andersen's quadratic-exponential, default) or euler (full truncation).", ["qe", "euler"], "qe");
        var average = Choice("--average", "Asian average: arithmetic (default; geometric control variate) or geometric.", ["arithmetic", "geometric"], "arithmetic");
        var monitoring = Choice("--monitoring", "Barrier and lookback monitoring: continuous (Brownian bridge, default) or discrete (grid dates).", ["continuous", "discrete"], "continuous");
        var strikeType = Choice("--strike-type", "Lookback: floating (default; pays S_T - min or max - S_T) or fixed (max(M - K, 0), max(K - m, 0)).", ["floating", "fixed"], "floating");
        var basket = new Option<string?>("--basket") { Description = "Basket assets CSV: underlying,S,q,sigma,weight (basket; r and T from the flags)." };
        var correlation = new Option<string?>("--correlation") { Description = "Correlation CSV: header underlying,A,B,..., one row per underlying (basket; default: independent assets)." };
        var paths = new Option<long>("--paths") { Description = "Number of paths.", DefaultValueFactory = _ => 1_000_000 };
        var steps = new Option<int?>("--steps")
        {
            Description = "Time steps per path (uniform grid). Default: 1 for a GBM European, digital or basket (exact), the --fixings count for an Asian, 50 for an American, 252 otherwise (Heston, barriers, lookbacks).",
        };
        var seed = new Option<ulong>("--seed") { Description = "Seed of every random variate.", DefaultValueFactory = _ => 1 };
        var antithetic = new Option<bool>("--antithetic") { Description = "Pair every path with its mirror image (paths must be even)." };
        var threads = new Option<int>("--threads") { Description = "Worker threads, or -1 for all cores; the result does not depend on it.", DefaultValueFactory = _ => -1 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (price, stderr, delta, delta_stderr, vega, vega_stderr, paths, seed, batches, …)." };

        var command = new Command(
            "mc",
            """
            Price one contract by Monte Carlo simulation.

            Paths run in batches of 4096, each a pure function of (terms, seed, batch index) summed in exact fixed
            point: the result is the same bits for any --threads and on every machine. Greeks are pathwise or
            likelihood-ratio estimates from the same paths, each with its standard error.
            Units: vega per 1.00 of vol; the 95% interval is price ± 1.96 standard errors.
            Exit code: 0 priced, 1 usage or input error.

            Examples:
              assay mc --payoff european --type call --S 100 --K 100 --T 1 --r 0.05 --sigma 0.2 --paths 1000000 --seed 7
              assay mc --payoff asian --fixings 12 --steps 12 --S 100 --K 100 --T 1 --r 0.05 --sigma 0.2 --paths 200000
              assay mc --payoff barrier --barrier-type DownOut --H 90 --steps 50 --S 100 --K 100 --T 1 --sigma 0.2
              assay mc --payoff american --type put --steps 50 --S 36 --K 40 --T 1 --r 0.06 --sigma 0.2
              assay mc --model heston --v0 0.04 --kappa 1.5 --theta 0.04 --sigma-v 0.5 --rho -0.7 --steps 50 --S 100 --K 100 --T 1
              assay mc --payoff basket --basket samples/mc/basket.csv --correlation samples/var/correlation.csv --K 10 --T 1 --r 0.03
            """)
        {
            model, payoff, type, spot, strike, expiry, rate, dividend, sigma, v0, kappa, theta, sigmaV, rho, fixings,
            barrierType, barrier, rebate, scheme, average, monitoring, strikeType, basket, correlation, paths, steps, seed, antithetic, threads, json,
        };

        command.SetAction((parse, cancellationToken) =>
        {
            var arguments = new Arguments(
                parse.GetValue(model)!,
                parse.GetValue(payoff)!,
                parse.GetValue(type)!,
                parse.GetValue(spot),
                parse.GetValue(strike),
                parse.GetValue(expiry),
                parse.GetValue(rate) ?? 0.0,
                parse.GetValue(dividend) ?? 0.0,
                parse.GetValue(sigma),
                new HestonTerms(parse.GetValue(v0), parse.GetValue(kappa), parse.GetValue(theta), parse.GetValue(sigmaV), parse.GetValue(rho)),
                parse.GetValue(fixings),
                parse.GetValue(barrierType),
                parse.GetValue(barrier),
                parse.GetValue(rebate) ?? 0.0,
                new ContractStyle(parse.GetValue(scheme)!, parse.GetValue(average)!, parse.GetValue(monitoring)!, parse.GetValue(strikeType)!),
                parse.GetValue(basket),
                parse.GetValue(correlation),
                new MonteCarloSettings(
                    parse.GetValue(paths),
                    parse.GetValue(steps) ?? DefaultSteps(parse.GetValue(model)!, parse.GetValue(payoff)!, parse.GetValue(fixings)),
                    parse.GetValue(seed),
                    parse.GetValue(antithetic),
                    parse.GetValue(threads)));
            return Task.FromResult(Run(arguments, parse.GetValue(json), console, stdout, stderr, cancellationToken));
        });
        return command;
    }

    /// <summary>From the parsed flags to the engine's spec: the one place that knows which model and payoff exist.</summary>
    /// <remarks>A model or payoff the command accepts but this build cannot simulate fails with the flag's name.</remarks>
    /// <exception cref="PricingInputException">A term needed by the chosen model or payoff is missing, or the choice is not available.</exception>
    internal static MonteCarloSpec Map(Arguments a)
    {
        var optionType = Choices.OptionTypes[a.Type];
        if (a.Payoff == "basket" || a.Model == "gbm" && a.BasketFile is not null)
        {
            if (a.Payoff != "basket" || a.Model != "gbm")
            {
                throw new PricingInputException("basket", "--basket goes with --model gbm --payoff basket");
            }

            var assets = BasketInputs.Read(Required(a.BasketFile, "basket"), a.CorrelationFile, Required(a.ExpiryYears, "T"), a.Rate);
            return new MonteCarloSpec(assets, new PayoffSpec(PayoffKind.Basket, optionType, Required(a.Strike, "K")), a.Settings);
        }

        PathModel model = a.Model switch
        {
            "gbm" => new GbmModel(Required(a.Spot, "S"), Required(a.ExpiryYears, "T"), a.Rate, a.DividendYield, Required(a.Volatility, "sigma")),
            "heston" => new HestonModel(
                Required(a.Spot, "S"),
                Required(a.ExpiryYears, "T"),
                a.Rate,
                a.DividendYield,
                Required(a.Heston.V0, "v0"),
                Required(a.Heston.Kappa, "kappa"),
                Required(a.Heston.Theta, "theta"),
                Required(a.Heston.SigmaV, "sigma_v"),
                Required(a.Heston.Rho, "rho"),
                a.Style.Scheme == "euler" ? HestonScheme.FullTruncationEuler : HestonScheme.QuadraticExponential),
            _ => throw NotAvailable("--model", a.Model, ["gbm", "heston"]),
        };
        var monitoring = a.Style.Monitoring == "discrete" ? PathMonitoring.Discrete : PathMonitoring.Continuous;
        var payoff = a.Payoff switch
        {
            "european" => new PayoffSpec(PayoffKind.European, optionType, Required(a.Strike, "K")),
            "digital" => new PayoffSpec(PayoffKind.Digital, optionType, Required(a.Strike, "K")),
            "asian" => new PayoffSpec(
                a.Style.Average == "geometric" ? PayoffKind.GeometricAsian : PayoffKind.ArithmeticAsian,
                optionType,
                Required(a.Strike, "K"),
                FixingCount: a.Fixings ?? a.Settings.Steps),
            "barrier" => new PayoffSpec(
                PayoffKind.Barrier,
                optionType,
                Required(a.Strike, "K"),
                BarrierType: Choices.BarrierTypes[a.BarrierType ?? throw new PricingInputException("barrier_type", "barrier_type is required (flag --barrier-type DownOut|DownIn|UpOut|UpIn)")],
                Barrier: Required(a.Barrier, "H"),
                Rebate: a.Rebate,
                Monitoring: monitoring),
            "lookback" when a.Style.StrikeType == "fixed" => new PayoffSpec(PayoffKind.FixedLookback, optionType, Required(a.Strike, "K"), Monitoring: monitoring),
            "lookback" => new PayoffSpec(PayoffKind.FloatingLookback, optionType, a.Strike ?? 0.0, Monitoring: monitoring),
            "american" => new PayoffSpec(PayoffKind.American, optionType, Required(a.Strike, "K")),
            _ => throw NotAvailable("--payoff", a.Payoff, ["european", "digital", "asian", "barrier", "lookback", "basket", "american"]),
        };
        return new MonteCarloSpec(model, payoff, a.Settings);
    }

    private static int Run(Arguments arguments, bool json, IAnsiConsole console, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        MonteCarloResult result;
        MonteCarloSpec spec;
        var clock = Stopwatch.StartNew();
        try
        {
            spec = Map(arguments);
            spec.Validate();
            result = RunWithProgress(spec, showProgress: !json && console.Profile.Capabilities.Interactive, console, cancellationToken);
        }
        catch (PricingInputException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return ExitError;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("error: cancelled");
            return ExitError;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        if (json)
        {
            WriteJson(stdout, arguments, spec, result, seconds);
        }
        else
        {
            console.Write(BuildTable(arguments, spec, result, seconds));
        }

        return ExitOk;
    }

    private static MonteCarloResult RunWithProgress(MonteCarloSpec spec, bool showProgress, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (!showProgress || spec.Settings.Paths * (double)spec.Settings.Steps < ProgressMinPathSteps)
        {
            return MonteCarloEngine.Run(spec, null, cancellationToken);
        }

        MonteCarloResult? result = null;
        console.Progress().Start(context =>
        {
            var task = context.AddTask($"mc: {spec.Settings.Paths} paths x {spec.Settings.Steps} steps", maxValue: spec.BatchCount);

            // Called from worker threads as batches finish; the task only needs the latest count.
            result = MonteCarloEngine.Run(spec, (done, _) => task.Value = Math.Max(task.Value, done), cancellationToken);
            task.Value = spec.BatchCount;
        });
        return result!;
    }

    private static Table BuildTable(Arguments a, MonteCarloSpec spec, MonteCarloResult r, double seconds)
    {
        var c = CultureInfo.InvariantCulture;
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn(Markup.Escape($"{a.Model} {a.Payoff} {a.Type}")))
            .AddColumn(new TableColumn("value").RightAligned())
            .AddColumn(new TableColumn("std. error").RightAligned());
        table.AddRow("price", r.Price.ToString("G10", c), r.StandardError.ToString("G3", c));
        table.AddRow("95% interval", Markup.Escape($"[{(r.Price - (Z95 * r.StandardError)).ToString("G8", c)}, {(r.Price + (Z95 * r.StandardError)).ToString("G8", c)}]"), string.Empty);
        var (hasDelta, hasVega) = EstimatedGreeks(spec);
        table.AddRow("delta", hasDelta ? r.Delta.ToString("G8", c) : "not estimated", hasDelta ? r.DeltaStandardError.ToString("G3", c) : string.Empty);
        table.AddRow("vega (per 1.00 vol)", hasVega ? r.Vega.ToString("G8", c) : "not estimated", hasVega ? r.VegaStandardError.ToString("G3", c) : string.Empty);
        table.AddRow("paths", r.PathsUsed.ToString(c), string.Empty);
        table.AddRow(spec.Settings.Antithetic ? "samples (antithetic pairs)" : "samples", r.Samples.ToString(c), string.Empty);
        table.AddRow("batches", r.Batches.Count.ToString(c), string.Empty);
        table.AddRow("steps", spec.Settings.Steps.ToString(c), string.Empty);
        table.AddRow("seed", spec.Settings.Seed.ToString(c), string.Empty);
        table.AddRow("seconds", seconds.ToString("F3", c), string.Empty);
        return table;
    }

    /// <summary>Which Greeks the engine estimates for this model and payoff (Heston: pathwise delta of Europeans, Asians and lookbacks; no vega, see docs/mc-heston.md).</summary>
    private static (bool Delta, bool Vega) EstimatedGreeks(MonteCarloSpec spec) => spec.Model switch
    {
        HestonModel => (spec.Payoff.Kind is PayoffKind.European or PayoffKind.ArithmeticAsian or PayoffKind.GeometricAsian
            or PayoffKind.FixedLookback or PayoffKind.FloatingLookback, false),
        _ => (true, true),
    };

    private static void WriteJson(TextWriter stdout, Arguments a, MonteCarloSpec spec, MonteCarloResult r, double seconds)
    {
        var (hasDelta, hasVega) = EstimatedGreeks(spec);
        var root = new JsonObject
        {
            ["model"] = a.Model,
            ["payoff"] = a.Payoff,
            ["type"] = a.Type,
            ["price"] = r.Price,
            ["stderr"] = r.StandardError,
            ["ci95_low"] = r.Price - (Z95 * r.StandardError),
            ["ci95_high"] = r.Price + (Z95 * r.StandardError),
            ["delta"] = hasDelta ? r.Delta : null,
            ["delta_stderr"] = hasDelta ? r.DeltaStandardError : null,
            ["vega"] = hasVega ? r.Vega : null,
            ["vega_stderr"] = hasVega ? r.VegaStandardError : null,
            ["uncontrolled_price"] = r.UncontrolledPrice,
            ["uncontrolled_stderr"] = r.UncontrolledStandardError,
            ["paths"] = r.PathsUsed,
            ["samples"] = r.Samples,
            ["steps"] = spec.Settings.Steps,
            ["seed"] = spec.Settings.Seed,
            ["antithetic"] = spec.Settings.Antithetic,
            ["batches"] = r.Batches.Count,
            ["seconds"] = seconds,
        };
        stdout.WriteLine(root.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
    }

    /// <summary>Steps when --steps is not given: exact one-step GBM where the payoff sees S_T only, else a grid fine enough for the payoff.</summary>
    internal static int DefaultSteps(string model, string payoff, int? fixings) => (model, payoff) switch
    {
        ("gbm", "european" or "digital" or "basket") => 1,
        (_, "asian") when fixings is > 0 => fixings.Value,
        ("gbm", "american") => 50,
        _ => 252,
    };

    private static double Required(double? value, string field) =>
        value ?? throw new PricingInputException(field, $"{field} is required (flag --{field.Replace('_', '-')})");

    private static string Required(string? value, string field) =>
        value ?? throw new PricingInputException(field, $"{field} is required (flag --{field})");

    private static PricingInputException NotAvailable(string flag, string value, string[] available) =>
        new(flag.TrimStart('-'), $"{flag} {value} is not available in this build (available: {string.Join(", ", available)})");

    private static Option<string> Choice(string name, string description, string[] values, string? defaultValue)
    {
        var option = new Option<string>(name) { Description = description };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue;
        }

        option.AcceptOnlyFromAmong(values);
        return option;
    }

    private static Option<double?> Number(string name, string description) => new(name) { Description = description };

    /// <summary>The style choices: Heston scheme, Asian average, monitoring, lookback strike type.</summary>
    internal sealed record ContractStyle(string Scheme, string Average, string Monitoring, string StrikeType);

    /// <summary>The Heston terms as given on the command line (null when absent).</summary>
    internal sealed record HestonTerms(double? V0, double? Kappa, double? Theta, double? SigmaV, double? Rho);

    /// <summary>Every flag of <c>assay mc</c> after parsing; <see cref="Map"/> picks what the chosen model and payoff need.</summary>
    internal sealed record Arguments(
        string Model,
        string Payoff,
        string Type,
        double? Spot,
        double? Strike,
        double? ExpiryYears,
        double Rate,
        double DividendYield,
        double? Volatility,
        HestonTerms Heston,
        int? Fixings,
        string? BarrierType,
        double? Barrier,
        double Rebate,
        ContractStyle Style,
        string? BasketFile,
        string? CorrelationFile,
        MonteCarloSettings Settings);
}
