using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
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

    /// <summary>Builds the <c>mc</c> command.</summary>
    /// <param name="console">Where the table and the progress bar go.</param>
    /// <param name="stdout">Where <c>--json</c> goes.</param>
    /// <param name="stderr">Where errors go.</param>
    public static Command Build(IAnsiConsole console, TextWriter stdout, TextWriter stderr)
    {
        var options = new McOptions();
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
              assay mc --model basket --basket samples/mc/basket.csv --correlation samples/var/correlation.csv --K 10 --T 1 --r 0.03
            """)
        {
            threads, json,
        };
        options.AddTo(command);

        command.SetAction((parse, cancellationToken) =>
        {
            var arguments = options.Parse(parse, parse.GetValue(threads));
            return Task.FromResult(Run(arguments, parse.GetValue(json), console, stdout, stderr, cancellationToken));
        });
        return command;
    }

    private static int Run(McOptions.Arguments arguments, bool json, IAnsiConsole console, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        MonteCarloResult result;
        MonteCarloSpec spec;
        var clock = Stopwatch.StartNew();
        try
        {
            spec = McOptions.Map(arguments);
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

    private static Table BuildTable(McOptions.Arguments a, MonteCarloSpec spec, MonteCarloResult r, double seconds)
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

    private static void WriteJson(TextWriter stdout, McOptions.Arguments a, MonteCarloSpec spec, MonteCarloResult r, double seconds)
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
}
