using System.CommandLine;
using Assay.Pricing.MonteCarlo;

namespace Assay.Cli.Commands;

/// <summary><c>assay bench task</c>: the cost of committing to and spot-checking a Monte Carlo task, and of the VDF (issue 4).</summary>
public static class TaskBenchCommand
{
    /// <summary>Paths of the full run (10^6, the issue's size).</summary>
    public const long DefaultPaths = 1_000_000;

    /// <summary>VDF delay of the full run, in squarings.</summary>
    public const long DefaultVdfDelay = 1L << 17;

    /// <summary>Builds the <c>task</c> subcommand of <c>bench</c>.</summary>
    public static Command Build(TextWriter stdout)
    {
        var quick = new Option<bool>("--quick") { Description = "10^5 paths and a 2^12-squaring VDF (seconds, for smoke tests)." };
        var paths = new Option<long?>("--paths") { Description = $"Paths per Monte Carlo task (default {DefaultPaths}; 4096 ... 2^32)." };
        var delay = new Option<long?>("--vdf-delay") { Description = $"VDF delay in squarings (default {DefaultVdfDelay}; 0 skips the VDF)." };
        var leaves = new Option<int[]?>("--leaf-sizes") { Description = "Paths per leaf to compare (default 16 32 64 4096; multiples of 8 in [8, 4096]).", AllowMultipleArgumentsPerToken = true };
        var payoff = new Option<string?>("--payoff") { Description = "Only this workload: asian_252 or european_1 (default both)." };
        var command = new Command(
            "task",
            """
            Verifiable-computation costs on one thread, in thread CPU time: for a 252-fixing arithmetic Asian and a
            one-step European call (GBM) and leaf sizes 16, 32, 64, 4096 paths: the direct MonteCarloEngine.Run, the
            task's leaf computation, commitment (leaf hashes + Merkle-sum tree) and its % of the direct run, the spot-check
            policy for 99% detection of a 1% change, proof size, prover and verifier time (% of the direct run; commit, prove
            and verify are each the best of three runs) and
            detection probabilities; then Wesolowski VDF evaluate+prove and verify times. Prints Markdown tables.
            """)
        { quick, paths, delay, leaves, payoff };
        command.SetAction(parse =>
        {
            var isQuick = parse.GetValue(quick);
            var pathCount = parse.GetValue(paths) ?? (isQuick ? DefaultPaths / 10 : DefaultPaths);
            var squarings = parse.GetValue(delay) ?? (isQuick ? 1L << 12 : DefaultVdfDelay);
            var sizes = parse.GetValue(leaves) is { Length: > 0 } given ? given : TaskBenchmarks.LeafSizes;
            var name = parse.GetValue(payoff);
            if (pathCount < MonteCarloEngine.BatchPaths || pathCount > MonteCarloSettings.MaxPaths || squarings < 0
                || sizes.Any(l => l < 8 || l > MonteCarloEngine.BatchPaths || l % 8 != 0) || (name is not null && !TaskBenchmarks.PayoffNames.Contains(name)))
            {
                stdout.WriteLine($"--paths must be in [{MonteCarloEngine.BatchPaths}, {MonteCarloSettings.MaxPaths}], --vdf-delay >= 0, --leaf-sizes multiples of 8 in [8, 4096], --payoff one of {string.Join(", ", TaskBenchmarks.PayoffNames)}.");
                return 2;
            }

            TaskBenchmarks.Run(stdout, pathCount, squarings, sizes, name);
            return 0;
        });
        return command;
    }
}
