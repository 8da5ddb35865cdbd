using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Assay.Cli.Commands;

/// <summary><c>assay bench</c>: throughput of the engines on this machine.</summary>
public static class BenchCommand
{
    /// <summary>Builds the <c>bench</c> command and its subcommands.</summary>
    public static Command Build(TextWriter stdout)
    {
        var pricing = Subcommand(
            "pricing",
            """
            Nanoseconds per item, on one thread and on all threads, for: bsm_greeks (batch price + delta, gamma,
            vega, theta, rho), implied_vol (span batch), american (fast engine, price) and heston (price).
            bench/run-pricing.sh runs it beside QuantLib 1.29 and prints the ratios.
            """,
            "bench/quantlib/run.sh",
            PricingBenchmarks.Run,
            stdout);
        var mc = Subcommand(
            "mc",
            """
            Monte Carlo throughput, on one thread and on all threads, for a call with S = K = 100, T = 1, r = 0.03,
            q = 0.01, sigma = 0.25: mc_european_1step (ns per path) and mc_european_252steps (ns per path-step,
            i.e. 1e9 / path-steps per second). Whole engine runs: price, delta and vega with their standard errors.
            bench/run-mc.sh runs it beside QuantLib 1.29's MC engines (PseudoRandom) and prints the ratios.
            """,
            "bench/quantlib/run-mc.sh",
            McBenchmarks.Run,
            stdout);

        var bench = new Command("bench", "Measure the engines on this machine.") { pricing, mc };
        bench.Add(TaskBenchCommand.Build(stdout));
        bench.Add(LedgerBenchCommand.Build(stdout));
        return bench;
    }

    /// <summary>A benchmark subcommand with <c>--json</c>, <c>--quick</c> and <c>--reference</c>.</summary>
    private static Command Subcommand(string name, string description, string referenceScript, Func<bool, IReadOnlyList<BenchResult>> run, TextWriter stdout)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object {\"results\": [{\"name\", \"threads\", \"ns_per_item\"}]} instead of a table." };
        var quick = new Option<bool>("--quick") { Description = "Shorter runs (about a tenth of the time): noisier figures, for smoke tests." };
        var reference = new Option<string?>("--reference")
        {
            Description = $"A JSON file from {referenceScript}; adds QuantLib's single-thread figure and the ratio.",
        };
        var command = new Command(name, description) { json, quick, reference };
        command.SetAction(parse =>
        {
            var results = run(parse.GetValue(quick));
            var refs = LoadReference(parse.GetValue(reference));
            if (parse.GetValue(json))
            {
                WriteJson(stdout, results, refs);
            }
            else
            {
                WriteTable(stdout, results, refs);
            }

            return 0;
        });
        return command;
    }

    private static Dictionary<string, double> LoadReference(string? path)
    {
        var refs = new Dictionary<string, double>(StringComparer.Ordinal);
        if (path is null)
        {
            return refs;
        }

        var root = JsonNode.Parse(File.ReadAllText(path))!;
        foreach (var item in root["results"]!.AsArray())
        {
            refs[(string)item!["name"]!] = (double)item["ns_per_item"]!;
        }

        return refs;
    }

    private static void WriteJson(TextWriter stdout, IReadOnlyList<BenchResult> results, Dictionary<string, double> refs)
    {
        var array = new JsonArray();
        foreach (var r in results)
        {
            var item = new JsonObject { ["name"] = r.Name, ["threads"] = r.Threads, ["ns_per_item"] = r.NsPerItem };
            if (refs.TryGetValue(r.Name, out var q))
            {
                item["quantlib_ns_per_item"] = q;
                item["speedup_vs_quantlib"] = q / r.NsPerItem;
            }

            array.Add(item);
        }

        var root = new JsonObject
        {
            ["machine"] = $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}",
            ["runtime"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            ["results"] = array,
        };
        stdout.WriteLine(root.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
    }

    private static void WriteTable(TextWriter stdout, IReadOnlyList<BenchResult> results, Dictionary<string, double> refs)
    {
        var c = CultureInfo.InvariantCulture;
        stdout.WriteLine(refs.Count == 0
            ? $"{"benchmark",-22} {"threads",7} {"ns/item",12}"
            : $"{"benchmark",-22} {"threads",7} {"ns/item",12} {"QuantLib ns",12} {"speed-up",9}");
        foreach (var r in results)
        {
            var line = string.Format(c, "{0,-22} {1,7} {2,12:F1}", r.Name, r.Threads, r.NsPerItem);
            if (refs.TryGetValue(r.Name, out var q) && r.Threads == 1)
            {
                line += string.Format(c, " {0,12:F1} {1,8:F1}x", q, q / r.NsPerItem);
            }

            stdout.WriteLine(line);
        }
    }
}
