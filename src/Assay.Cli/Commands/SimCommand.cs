using System.CommandLine;
using System.Globalization;
using Assay.Cli.Simulation;
using Assay.Simulation;
using Spectre.Console;

namespace Assay.Cli.Commands;

/// <summary><c>assay sim</c>: deterministic simulation of the network over many seeds, with invariant checks and a fault summary.</summary>
public static class SimCommand
{
    /// <summary>Exit code when every invariant held for every seed.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code of a usage error.</summary>
    public const int ExitError = 1;

    /// <summary>Exit code when an invariant broke for some seed.</summary>
    public const int ExitInvariantBroken = 2;

    /// <summary>Most seeds in one invocation.</summary>
    public const int MaxSeeds = 100_000;

    /// <summary>Builds the <c>sim</c> command.</summary>
    public static Command Build(IAnsiConsole console, TextWriter stdout, TextWriter stderr)
    {
        var seeds = new Option<int>("--seeds") { Description = "Number of seeds to run, from --first-seed.", DefaultValueFactory = _ => 10 };
        var firstSeed = new Option<int>("--first-seed") { Description = "First seed.", DefaultValueFactory = _ => 1 };
        var seed = new Option<int?>("--seed") { Description = "Run this one seed alone (overrides --seeds and --first-seed) and print its detail." };
        var nodes = new Option<int>("--nodes") { Description = $"Compute nodes per run (4 … {SimulationOptions.MaxNodes}).", DefaultValueFactory = _ => 8 };
        var byzantine = new Option<double>("--byzantine") { Description = "Fraction of faulty nodes, in [0, 0.5].", DefaultValueFactory = _ => 0.25 };
        var tasks = new Option<int>("--tasks") { Description = $"Tasks submitted per run (1 … {SimulationOptions.MaxTasks}).", DefaultValueFactory = _ => 8 };
        var command = new Command(
            "sim",
            """
            Simulate the whole network deterministically, one seed per run, and check its invariants.

            Each run: a sequencer building blocks from a mempool and applying them to the settlement ledger; nodes that
            really compute small PriceBook and Monte Carlo tasks and commit and reveal; requesters submitting tasks; a
            network with per-message delay, loss, duplication and reordering; one simulated clock (a discrete-event
            queue: no wall clock, no threads). Faulty nodes (--byzantine) are wrong, lazy, silent, colluding, send
            garbage proofs, go offline or equivocate; the sequencer appends every block to a SQLite store in a temporary
            file and may crash and restart from it (latest snapshot plus replay). A quarter of the tasks are
            independent-seed Monte Carlo runs that agree within a tolerance.
            Invariants: value conserved after every block, honest nodes never slashed, no wrong result final with an
            honest quorum (for tolerance tasks: every honest pooled estimate within the band, no wrong one paid), every
            task final or expired by the end, replaying the store reproduces every state root, a restart reproduces the
            head and the state. Exit code: 0 all held, 2 an invariant broke (each failing seed is printed with the
            command that reruns it alone), 1 usage. Thousands of seeds: scripts/sim-soak.sh.
            Example: assay sim --seeds 50 --nodes 10 --byzantine 0.3
            """)
        {
            seeds, firstSeed, seed, nodes, byzantine, tasks,
        };
        command.SetAction(parse =>
        {
            var template = new SimulationOptions { Nodes = parse.GetValue(nodes), ByzantineFraction = parse.GetValue(byzantine), Tasks = parse.GetValue(tasks) };
            var one = parse.GetValue(seed);
            var progress = console.Profile.Capabilities.Interactive ? console : null;
            return Run(template, one ?? parse.GetValue(firstSeed), one is null ? parse.GetValue(seeds) : 1, one is not null, stdout, stderr, progress);
        });
        return command;
    }

    /// <summary>Runs <paramref name="count"/> seeds from <paramref name="firstSeed"/> with <paramref name="template"/>'s settings, prints the invariant table and the fault summary, and returns the exit code.</summary>
    /// <param name="template">Settings for every run; its seed is replaced by each seed in turn (tests set a broken rule here).</param>
    /// <param name="firstSeed">The first seed.</param>
    /// <param name="count">How many consecutive seeds.</param>
    /// <param name="detail">Print each run's own line (traffic and head hash).</param>
    /// <param name="stdout">Report output.</param>
    /// <param name="stderr">Failing seeds and usage errors.</param>
    /// <param name="progress">A terminal console to draw a progress bar on, or null.</param>
    public static int Run(SimulationOptions template, int firstSeed, int count, bool detail, TextWriter stdout, TextWriter stderr, IAnsiConsole? progress)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (count < 1 || count > MaxSeeds || (long)firstSeed + count - 1 > int.MaxValue)
        {
            stderr.WriteLine($"error: --seeds must be in 1 … {MaxSeeds} and the last seed must fit in a 32-bit integer; got {count} from {firstSeed}.");
            return ExitError;
        }

        var reports = new List<SimulationReport>(count);
        try
        {
            if (progress is not null && count > 1)
            {
                progress.Progress().Start(ctx =>
                {
                    var bar = ctx.AddTask("simulating seeds", maxValue: count);
                    for (var i = 0; i < count; i++)
                    {
                        reports.Add(NetworkSimulation.Run(template with { Seed = firstSeed + i }));
                        bar.Increment(1);
                    }
                });
            }
            else
            {
                for (var i = 0; i < count; i++)
                {
                    reports.Add(NetworkSimulation.Run(template with { Seed = firstSeed + i }));
                }
            }
        }
        catch (ArgumentOutOfRangeException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return ExitError;
        }

        SimReportWriter.Write(template, firstSeed, reports, detail, stdout);
        var failed = reports.Where(r => !r.Passed).ToList();
        foreach (var r in failed)
        {
            foreach (var v in r.Violations)
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FAILED seed {r.Seed}: {v.Invariant} at height {v.Height}: {v.Detail}"));
            }

            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rerun: assay sim --seed {r.Seed} --nodes {template.Nodes} --byzantine {template.ByzantineFraction} --tasks {template.Tasks}"));
        }

        return failed.Count == 0 ? ExitOk : ExitInvariantBroken;
    }
}
