using Assay.Proofs.Hashing;

namespace Assay.Storage;

/// <summary>One block as the store keeps it: the header fields the store checks and indexes, plus the block's canonical bytes.</summary>
/// <remarks>
/// The store never decodes <see cref="Encoded"/>; it checks that heights are contiguous from 0 and that
/// <see cref="ParentHash"/> equals the previous block's <see cref="Hash"/>, and it keeps a SHA-256 of the bytes to detect
/// corruption on read. Record equality compares <see cref="Encoded"/> by reference, not by content.
/// </remarks>
/// <param name="Height">Height of the block; the first block stored is height 0.</param>
/// <param name="Hash">Hash of the block as the ledger defines it.</param>
/// <param name="ParentHash">Hash of the block at <c>Height − 1</c>; not checked for height 0.</param>
/// <param name="StateRoot">State root after applying the block.</param>
/// <param name="Encoded">The block's canonical encoding, stored and returned byte for byte.</param>
public readonly record struct StoredBlock(long Height, Hash256 Hash, Hash256 ParentHash, Hash256 StateRoot, ReadOnlyMemory<byte> Encoded);
