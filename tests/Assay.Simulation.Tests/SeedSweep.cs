using System.Globalization;

namespace Assay.Simulation.Tests;

/// <summary>The CI seed sweep: many seeds of small clusters (4–6 nodes, 3–4 tasks), each checked for every invariant.</summary>
/// <remarks>Two halves run as two test classes, so xunit runs them side by side on a two-core machine. A failure names
/// each failing seed with the <c>assay sim</c> line that reproduces it alone.</remarks>
public static class SeedSweep
{
    /// <summary>The first seed of the sweep (apart from the 30 seeds of <see cref="SimulationSeeds"/>).</summary>
    public const int FirstSeed = 1_001;

    /// <summary>Seeds in each half.</summary>
    public const int SeedsPerHalf = 120;

    /// <summary>4–6 nodes, odd seeds half faulty and even seeds a quarter, 3–4 tasks; everything else at its default.</summary>
    public static SimulationOptions OptionsFor(int seed) => new()
    {
        Seed = seed,
        Nodes = 4 + (seed % 3),
        ByzantineFraction = seed % 2 == 1 ? 0.5 : 0.25,
        Tasks = 3 + (seed % 2),
    };

    /// <summary>The command line that reruns one seed alone with the same options.</summary>
    public static string Rerun(SimulationOptions o) =>
        string.Create(CultureInfo.InvariantCulture, $"assay sim --seed {o.Seed} --nodes {o.Nodes} --byzantine {o.ByzantineFraction} --tasks {o.Tasks}");

    /// <summary>Runs <paramref name="count"/> seeds from <paramref name="first"/> and fails naming every failing seed and its rerun line.</summary>
    public static void Run(int first, int count, Xunit.Abstractions.ITestOutputHelper output)
    {
        var failures = new List<string>();
        var final = 0;
        var crashes = 0;
        for (var seed = first; seed < first + count; seed++)
        {
            var options = OptionsFor(seed);
            var r = NetworkSimulation.Run(options);
            final += r.FinalTasks;
            crashes += r.Crashes;
            if (!r.Passed)
            {
                failures.Add($"{Rerun(options)}: " + string.Join(" | ", r.Violations.Select(v => $"{v.Invariant} at h{v.Height}: {v.Detail}")));
            }
        }

        output.WriteLine($"seeds {first}..{first + count - 1}: {count - failures.Count} passed, {failures.Count} failed; {final} tasks final, {crashes} crashes");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(final >= count, $"seeds {first}..{first + count - 1}: only {final} tasks final");
    }
}
