namespace Assay.Simulation;

/// <summary>One broken invariant: which, at which block height, and what was seen.</summary>
/// <param name="Invariant">The invariant.</param>
/// <param name="Height">The block height at which it was found (the last height for end-of-run checks).</param>
/// <param name="Detail">What was seen, naming the node, task or field.</param>
public sealed record InvariantViolation(InvariantKind Invariant, ulong Height, string Detail);
