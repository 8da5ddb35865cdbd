using Assay.Proofs.Hashing;

namespace Assay.Ledger.Beacon;

/// <summary>A beacon output with the proof that lets anyone check it without redoing the work.</summary>
/// <param name="Output">The beacon output that goes into the header.</param>
/// <param name="Proof">The proof bytes carried in the block (<see cref="Blocks.Block.BeaconProof"/>).</param>
public readonly record struct BeaconEvaluation(Hash256 Output, byte[] Proof);
