
namespace Assay.Simulation.Tests;

/// <summary>Runs a fixed set of seeds once for the tests that read their reports (seeds 1…30, mixed sizes and fault fractions).</summary>
public sealed class SimulationSeeds
{
    public const int FirstSeed = 1;
    public const int Count = 30;

    public SimulationSeeds()
    {
        Reports = Enumerable.Range(FirstSeed, Count).Select(seed => NetworkSimulation.Run(OptionsFor(seed))).ToList();
    }

    public IReadOnlyList<SimulationReport> Reports { get; }

    /// <summary>6 to 10 nodes; odd seeds half faulty, even seeds a quarter; 6 to 9 tasks.</summary>
    public static SimulationOptions OptionsFor(int seed) => new()
    {
        Seed = seed,
        Nodes = 6 + (seed % 5),
        ByzantineFraction = seed % 2 == 1 ? 0.5 : 0.25,
        Tasks = 6 + (seed % 4),
    };

    public static string Describe(SimulationReport r) =>
        $"seed {r.Seed} ({OptionsFor(r.Seed).Nodes} nodes, byzantine {OptionsFor(r.Seed).ByzantineFraction}): blocks {r.Blocks}, " +
        $"accepted {r.AcceptedTransactions}, rejected {r.RejectedTransactions}, final {r.FinalTasks}, expired {r.ExpiredTasks}, crashes {r.Crashes}, " +
        $"sent {r.MessagesSent}, lost {r.MessagesLost}, duplicated {r.MessagesDuplicated}, head {r.HeadHash}; violations: " +
        string.Join(" | ", r.Violations.Select(v => $"{v.Invariant} at h{v.Height}: {v.Detail}"));
}
