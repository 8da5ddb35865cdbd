using Assay.Proofs.Hashing;

namespace Assay.Storage;

/// <summary>A snapshot of ledger state as the store keeps it: the height and state root it was taken at, plus the state's canonical bytes.</summary>
/// <remarks>
/// A snapshot is accepted only at the height of a stored block whose state root equals <see cref="StateRoot"/>.
/// Record equality compares <see cref="Encoded"/> by reference, not by content.
/// </remarks>
/// <param name="Height">Height of the block after which the state was taken.</param>
/// <param name="StateRoot">State root of that state; must equal the stored block's state root.</param>
/// <param name="Encoded">The state's canonical encoding, stored and returned byte for byte.</param>
public readonly record struct StoredSnapshot(long Height, Hash256 StateRoot, ReadOnlyMemory<byte> Encoded);
