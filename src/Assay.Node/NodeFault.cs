namespace Assay.Node;

/// <summary>A deliberate misbehaviour of a node, for demonstrations and tests only (<c>--fault</c>).</summary>
public enum NodeFault
{
    /// <summary>Honest: computes, commits and reveals as the protocol asks.</summary>
    None = 0,

    /// <summary>Falsifies one leaf and commits to the falsified tree consistently (<c>wrong-result</c>).</summary>
    WrongResult = 1,

    /// <summary>Copies another node's revealed root when one is on the ledger at commit time, else behaves as <see cref="WrongResult"/> (<c>lazy</c>).</summary>
    Lazy = 2,

    /// <summary>Computes and commits honestly but never reveals (<c>no-reveal</c>).</summary>
    NoReveal = 3,

    /// <summary>Computes honestly but waits until the commit deadline has passed before committing (<c>slow</c>).</summary>
    Slow = 4,
}
