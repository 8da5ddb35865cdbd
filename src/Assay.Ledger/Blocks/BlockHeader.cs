using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;

namespace Assay.Ledger.Blocks;

/// <summary>A block header: height, parent hash, timestamp, transaction and outcome roots, state root, beacon output and transaction count.</summary>
/// <remarks>
/// Canonical body (format 1, tag <see cref="LedgerTypeTags.BlockHeader"/>): u64 height ‖ parent hash ‖ i64 timestamp
/// (Unix ms) ‖ tx root ‖ outcomes root ‖ state root ‖ beacon ‖ u32 tx count. The block hash is
/// DomainHash("assay/ledger-block/v1", header ‖ body). The pre-hash (the beacon's input) is the same hash taken with the
/// beacon field zero, under the tag "assay/ledger-block-prehash/v1".
/// </remarks>
/// <param name="Height">0 for genesis, then +1 per block.</param>
/// <param name="ParentHash">The previous block's hash (zero for genesis).</param>
/// <param name="TimestampUnixMs">Supplied by the sequencer; never below the parent's.</param>
/// <param name="TransactionRoot">RFC 6962-shaped Merkle root (Assay hashing) over the transaction hashes in block order.</param>
/// <param name="OutcomesRoot">Merkle root over the outcome hashes in block order.</param>
/// <param name="StateRoot">Sparse Merkle root of the state after the block.</param>
/// <param name="Beacon">The randomness beacon output of this block.</param>
/// <param name="TransactionCount">Number of transactions (applied or rejected).</param>
public sealed record BlockHeader(
    ulong Height,
    Hash256 ParentHash,
    long TimestampUnixMs,
    Hash256 TransactionRoot,
    Hash256 OutcomesRoot,
    Hash256 StateRoot,
    Hash256 Beacon,
    uint TransactionCount) : ICanonicalEncodable<BlockHeader>
{
    /// <summary>Domain tag of the pre-hash.</summary>
    public const string PreHashTag = "assay/ledger-block-prehash/v1";

    /// <summary>Canonical type tag.</summary>
    public static ushort TypeTag => LedgerTypeTags.BlockHeader;

    /// <summary>Body format version.</summary>
    public static byte FormatVersion => 1;

    /// <summary>Domain tag of the block hash.</summary>
    public static string HashTag => "assay/ledger-block/v1";

    /// <summary>The block hash.</summary>
    public Hash256 Hash => CanonicalEncoding.Hash(this);

    /// <summary>The hash of the header with a zero beacon: what the beacon is derived from.</summary>
    public Hash256 PreHash
    {
        get
        {
            var writer = new CanonicalWriter();
            writer.WriteObject(this with { Beacon = Hash256.Zero });
            return DomainHash.Compute(PreHashTag, writer.WrittenSpan);
        }
    }

    /// <summary>Reads a body.</summary>
    public static BlockHeader ReadBody(ref CanonicalReader reader) => new(
        reader.ReadUInt64(), reader.ReadHash(), reader.ReadInt64(), reader.ReadHash(), reader.ReadHash(), reader.ReadHash(), reader.ReadHash(), reader.ReadUInt32());

    /// <summary>Writes the body (see remarks).</summary>
    public void WriteBody(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt64(Height);
        writer.WriteHash(ParentHash);
        writer.WriteInt64(TimestampUnixMs);
        writer.WriteHash(TransactionRoot);
        writer.WriteHash(OutcomesRoot);
        writer.WriteHash(StateRoot);
        writer.WriteHash(Beacon);
        writer.WriteUInt32(TransactionCount);
    }
}
