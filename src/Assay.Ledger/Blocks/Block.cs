using Assay.Ledger.Transactions;
using Assay.Proofs.Canonical;

namespace Assay.Ledger.Blocks;

/// <summary>A block: its header, the transactions in order and what each did.</summary>
/// <remarks>Canonical body (format 2, tag <see cref="LedgerTypeTags.Block"/>): header object ‖ u32 n ‖ n × transaction
/// object ‖ u32 n ‖ n × outcome object ‖ beacon proof bytes (empty for the hash-chain beacon), with n = the header's
/// transaction count. Format 1 had no beacon proof. Decoded outcomes keep the reason and
/// the fault flag; the field and message (not hashed) come back empty. The block's identity is the header hash.</remarks>
/// <param name="Header">The header.</param>
/// <param name="Transactions">The transactions, applied or rejected, in order.</param>
/// <param name="Outcomes">One outcome per transaction, same order.</param>
public sealed record Block(BlockHeader Header, IReadOnlyList<SignedTransaction> Transactions, IReadOnlyList<TransactionOutcome> Outcomes) : ICanonicalEncodable<Block>
{
    /// <summary>Largest beacon proof carried by a block.</summary>
    public const int MaxBeaconProofBytes = 4096;

    /// <summary>The beacon's proof (a VDF proof for <see cref="Beacon.IVerifiableBeaconSource"/>, empty otherwise); not hashed: the header's beacon output is unique for its input.</summary>
    public byte[] BeaconProof { get; init; } = [];

    /// <summary>Canonical type tag.</summary>
    public static ushort TypeTag => LedgerTypeTags.Block;

    /// <summary>Body format version.</summary>
    public static byte FormatVersion => 2;

    /// <summary>Domain tag of the encoding's hash (for storage integrity; the block's identity is the header hash).</summary>
    public static string HashTag => "assay/ledger-block-body/v2";

    /// <summary>Reads and validates a body: counts must match the header.</summary>
    public static Block ReadBody(ref CanonicalReader reader)
    {
        var header = reader.ReadObject<BlockHeader>();
        var start = reader.Position;
        var transactions = reader.ReadSequence<SignedTransaction>(SettlementLedger.MaxTransactionsPerBlock);
        var outcomes = reader.ReadSequence<TransactionOutcome>(SettlementLedger.MaxTransactionsPerBlock);
        if (transactions.Length != header.TransactionCount || outcomes.Length != transactions.Length)
        {
            CanonicalReader.Fail(start, $"{header.TransactionCount} transactions and as many outcomes");
        }

        for (var i = 0; i < outcomes.Length; i++)
        {
            if (outcomes[i].TransactionHash != transactions[i].Hash)
            {
                CanonicalReader.Fail(start, $"outcome {i} for transaction {i}");
            }
        }

        return new Block(header, transactions, outcomes) { BeaconProof = reader.ReadBytes(MaxBeaconProofBytes).ToArray() };
    }

    /// <summary>Writes the body (see remarks).</summary>
    public void WriteBody(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteObject(Header);
        writer.WriteSequence<SignedTransaction>(Transactions.ToArray(), SettlementLedger.MaxTransactionsPerBlock);
        writer.WriteSequence<TransactionOutcome>(Outcomes.ToArray(), SettlementLedger.MaxTransactionsPerBlock);
        writer.WriteBytes(BeaconProof, MaxBeaconProofBytes);
    }
}
