namespace Assay.Simulation;

/// <summary>The properties a simulated run checks.</summary>
public enum InvariantKind
{
    /// <summary>After every block, <c>ValueConservation.Violations</c> is empty (native supply identity and every other asset).</summary>
    ValueConserved = 0,

    /// <summary>After every block, no honest node has a fault, except a wrong-reveal slash in a task whose colluders reached the quorum.</summary>
    HonestNeverSlashed = 1,

    /// <summary>A final bit-exact task's agreed root is the honest root whenever fewer than a quorum of its assigned nodes collude; a final tolerance task paid exactly the estimates its band accepts, every honest pooled estimate among them and no wrong one, whenever fewer than a quorum of its pooled estimates are wrong.</summary>
    NoWrongFinalWithHonestQuorum = 2,

    /// <summary>At the end, every submitted task is final or expired, and every planned task was submitted or its deadline passed.</summary>
    TasksSettled = 3,

    /// <summary>At the end, <c>SettlementLedger.Replay</c> of the block log reproduces every header (state roots included).</summary>
    ReplayReproducesRoots = 4,

    /// <summary>A sequencer restarted by replaying its block list reaches the same head hash it had before the crash.</summary>
    RestartReproducesHead = 5,
}
