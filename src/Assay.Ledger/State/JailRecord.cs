using Assay.Proofs.Canonical;

namespace Assay.Ledger.State;

/// <summary>When a node was jailed, the first height at which it may send <c>Unjail</c>, and how many times it has been jailed.</summary>
/// <remarks>
/// Kept under <see cref="StateNamespace.Jail"/>, keyed by the node's address, written when a node is jailed and again
/// when a jailed node is faulted (which restarts its period); an unjail leaves it as history. Canonical body (format 1,
/// tag <see cref="LedgerTypeTags.JailRecord"/>): u64 jailed height ‖ u64 unjail height ‖ u32 times jailed.
/// </remarks>
/// <param name="JailedHeight">Height of the block whose fault jailed the node.</param>
/// <param name="UnjailHeight">First height at which an <c>Unjail</c> transaction is accepted.</param>
/// <param name="TimesJailed">How many times the node has gone from not jailed to jailed, ≥ 1.</param>
public sealed record JailRecord(ulong JailedHeight, ulong UnjailHeight, uint TimesJailed) : ICanonicalEncodable<JailRecord>
{
    /// <summary>Canonical type tag.</summary>
    public static ushort TypeTag => LedgerTypeTags.JailRecord;

    /// <summary>Body format version.</summary>
    public static byte FormatVersion => 1;

    /// <summary>Domain tag of the record's hash.</summary>
    public static string HashTag => "assay/ledger-jail/v1";

    /// <summary>Reads and validates a body.</summary>
    public static JailRecord ReadBody(ref CanonicalReader reader)
    {
        var start = reader.Position;
        var jailed = reader.ReadUInt64();
        var unjail = reader.ReadUInt64();
        var times = reader.ReadUInt32();
        if (unjail < jailed || times == 0)
        {
            CanonicalReader.Fail(start, "an unjail height ≥ the jailed height and times jailed ≥ 1");
        }

        return new JailRecord(jailed, unjail, times);
    }

    /// <summary>Writes the body (see remarks).</summary>
    public void WriteBody(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt64(JailedHeight);
        writer.WriteUInt64(UnjailHeight);
        writer.WriteUInt32(TimesJailed);
    }
}
