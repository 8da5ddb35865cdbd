namespace Assay.Simulation;

/// <summary>Runs the deterministic simulation of a whole network (sequencer, nodes, requesters, network, clock) from one seed.</summary>
/// <remarks>
/// <para>A discrete-event queue is the only clock; every random choice (keys, faults, tasks, delays, losses,
/// duplicates, crash time) comes from <c>System.Random(seed)</c>, whose seeded sequence is fixed by .NET's compatibility
/// algorithm. The nodes compute single-threaded. The same options therefore give the same blocks, bit for bit.</para>
/// <para>See docs/simulation.md for the model, the fault kinds and the invariants.</para>
/// </remarks>
public static class NetworkSimulation
{
    /// <summary>Runs one seed and checks every invariant after every block and at the end.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Nodes, tasks or the Byzantine fraction are out of range.</exception>
    public static SimulationReport Run(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Nodes, 4, nameof(options.Nodes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Nodes, SimulationOptions.MaxNodes, nameof(options.Nodes));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Tasks, 1, nameof(options.Tasks));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Tasks, SimulationOptions.MaxTasks, nameof(options.Tasks));
        if (!(options.ByzantineFraction is >= 0.0 and <= 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ByzantineFraction, "byzantine must be in [0, 0.5].");
        }

        return new SimulationRun(options).Execute();
    }
}
