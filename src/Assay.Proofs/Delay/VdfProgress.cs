namespace Assay.Proofs.Delay;

/// <summary>How far a VDF evaluation has come.</summary>
/// <param name="SquaringsDone">Sequential squarings completed.</param>
/// <param name="SquaringsTotal">The delay T.</param>
public readonly record struct VdfProgress(long SquaringsDone, long SquaringsTotal);
