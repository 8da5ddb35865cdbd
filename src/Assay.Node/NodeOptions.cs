namespace Assay.Node;

/// <summary>How a node daemon runs: where the sequencer is, its key and data directory, its stake and what it offers.</summary>
/// <remarks>Amounts are native minor units. <see cref="Kinds"/> are capability names (<c>analytic</c> runs PriceBook tasks,
/// <c>montecarlo</c> runs Monte Carlo tasks).</remarks>
public sealed record NodeOptions
{
    /// <summary>Default stake, 10^7 minor units (ten times the default minimum stake).</summary>
    public const ulong DefaultStakeMinorUnits = 10_000_000;

    /// <summary>The capabilities offered by default.</summary>
    public static IReadOnlyList<string> DefaultKinds { get; } = ["analytic", "montecarlo"];

    /// <summary>The sequencer's base address (e.g. <c>http://127.0.0.1:5080/</c>).</summary>
    public required Uri SequencerUrl { get; init; }

    /// <summary>The key file (PKCS#8 PEM); created when missing.</summary>
    public required string KeyPath { get; init; }

    /// <summary>The data directory holding <c>node-state.json</c>; created when missing.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Stake bonded at registration, minor units.</summary>
    public ulong StakeMinorUnits { get; init; } = DefaultStakeMinorUnits;

    /// <summary>Capability names offered.</summary>
    public IReadOnlyList<string> Kinds { get; init; } = DefaultKinds;

    /// <summary>Threads used to compute a task, and the cores declared at registration.</summary>
    public int Cores { get; init; } = Environment.ProcessorCount;

    /// <summary>Memory declared at registration, MiB.</summary>
    public uint MemoryMiB { get; init; } = DefaultMemoryMiB();

    /// <summary>Whether the node also checks agreed results it did not compute and challenges wrong ones.</summary>
    public bool Watcher { get; init; }

    /// <summary>Deliberate misbehaviour for demonstrations and tests; <see cref="NodeFault.None"/> for an honest node.</summary>
    public NodeFault Fault { get; init; }

    /// <summary>The environment variable holding the key file's password, when the key is encrypted.</summary>
    public string? PasswordVariable { get; init; }

    /// <summary>The memory this process may use, MiB (<see cref="GC.GetGCMemoryInfo()"/>'s total available bytes).</summary>
    public static uint DefaultMemoryMiB() => (uint)Math.Min(uint.MaxValue, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes >> 20);
}
