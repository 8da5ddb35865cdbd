using Assay.Compute.Tasks;
using Assay.Ledger.State;
using Assay.Proofs.Canonical;

namespace Assay.Ledger.Blocks;

/// <summary>A canonical, versioned encoding of a whole ledger (every state record plus the head and genesis headers), and its verified restore.</summary>
/// <remarks>
/// <para>Format 1: u16 tag <see cref="TypeTag"/> ‖ u8 version 1 ‖ head <see cref="BlockHeader"/> object ‖ genesis
/// <see cref="BlockHeader"/> object ‖ u32 n ‖ n × (u8 namespace ‖ byte string key ‖ byte string value), records in strictly
/// ascending (namespace, key bytes) order; the value is the record's canonical encoding (header included). Keys: the
/// 20-byte address (accounts, nodes), the 32-byte task id (tasks, specs), empty (parameters, chain record).</para>
/// <para>The codec is generic over the state's tables (each table of <see cref="LedgerState"/> registers one adapter),
/// so the chain record and any added namespace are covered. <see cref="Restore"/> rebuilds the state, recomputes the
/// sparse-Merkle root from scratch and refuses the snapshot unless it equals the head's state root.</para>
/// </remarks>
public static class LedgerSnapshot
{
    /// <summary>Canonical type tag of a snapshot.</summary>
    public const ushort TypeTag = LedgerTypeTags.LedgerSnapshot;

    /// <summary>Format version written and accepted.</summary>
    public const byte FormatVersion = 1;

    /// <summary>Longest key of a record, bytes.</summary>
    public const int MaxKeyBytes = 64;

    /// <summary>Most records in one snapshot.</summary>
    public const int MaxRecords = 1 << 24;

    /// <summary>Limits of the snapshot codec: 1 GiB in all, 64 MiB per record, 2^24 records.</summary>
    public static CanonicalLimits Limits { get; } = new(1 << 30, 64 << 20, MaxRecords, 32);

    /// <summary>Encodes the ledger's whole state and its head and genesis headers.</summary>
    /// <exception cref="InvalidOperationException">The state has changes not yet reflected in the head's state root.</exception>
    public static byte[] Encode(SettlementLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var root = ledger.State.ComputeRoot();
        if (root != ledger.Head.StateRoot)
        {
            throw new InvalidOperationException($"The state root {root} is not the head's {ledger.Head.StateRoot}; snapshot between blocks only.");
        }

        var records = new List<(byte Namespace, byte[] Key, byte[] Value)>();
        foreach (var table in ledger.State.SnapshotTables)
        {
            foreach (var (key, value) in table.Export())
            {
                records.Add(((byte)table.Namespace, key, value));
            }
        }

        records.Sort(static (a, b) => a.Namespace != b.Namespace ? a.Namespace.CompareTo(b.Namespace) : a.Key.AsSpan().SequenceCompareTo(b.Key));
        var writer = new CanonicalWriter(Limits, 1 << 16);
        writer.WriteHeader(TypeTag, FormatVersion);
        writer.WriteObject(ledger.Head);
        writer.WriteObject(ledger.GenesisHeader);
        writer.WriteCount(records.Count, MaxRecords);
        foreach (var (ns, key, value) in records)
        {
            writer.WriteByte(ns);
            writer.WriteBytes(key, MaxKeyBytes);
            writer.WriteBytes(value, Limits.MaxByteStringLength);
        }

        return writer.ToArray();
    }

    /// <summary>Reads only the head header of a snapshot (cheap: no record is decoded).</summary>
    /// <exception cref="CanonicalFormatException">The bytes do not start like a format-1 snapshot.</exception>
    public static BlockHeader ReadHead(ReadOnlySpan<byte> bytes)
    {
        var reader = new CanonicalReader(bytes, Limits);
        reader.ReadHeader(TypeTag, FormatVersion);
        return reader.ReadObject<BlockHeader>();
    }

    /// <summary>Decodes a snapshot into a ledger positioned at its head, after checking the recomputed state root.</summary>
    /// <exception cref="CanonicalFormatException">The bytes are not a canonical format-1 snapshot (bad header, record order, unknown namespace, non-canonical record, trailing bytes).</exception>
    /// <exception cref="LedgerSnapshotException">The records hash to another state root than the head's, or the chain record is not at the head's height.</exception>
    public static SettlementLedger Restore(ReadOnlySpan<byte> bytes, IBeaconSource? beacon = null, TaskKindRegistry? registry = null)
    {
        var reader = new CanonicalReader(bytes, Limits);
        reader.ReadHeader(TypeTag, FormatVersion);
        var head = reader.ReadObject<BlockHeader>();
        var genesis = reader.ReadObject<BlockHeader>();
        var count = reader.ReadCount(MaxRecords, 9);
        var state = new LedgerState(new ProtocolParameters(), new ChainRecord());
        var tables = state.SnapshotTables.ToDictionary(t => (byte)t.Namespace);
        state.Begin();
        var previousNamespace = -1;
        byte[] previousKey = [];
        for (var i = 0; i < count; i++)
        {
            var start = reader.Position;
            var ns = reader.ReadByte();
            var key = reader.ReadBytes(MaxKeyBytes);
            var value = reader.ReadBytes(Limits.MaxByteStringLength);
            if (ns < previousNamespace || (ns == previousNamespace && key.SequenceCompareTo(previousKey) <= 0))
            {
                CanonicalReader.Fail(start, "records in strictly ascending (namespace, key) order");
            }

            if (!tables.TryGetValue(ns, out var table))
            {
                CanonicalReader.Fail(start, $"a known state namespace, not {ns}");
            }

            try
            {
                table!.Import(key, value);
            }
            catch (CanonicalFormatException e)
            {
                throw new CanonicalFormatException(start, $"record {i} (namespace {ns}): {e.Message}");
            }

            previousNamespace = ns;
            previousKey = key.ToArray();
        }

        reader.ReadEnd();
        state.Commit();
        var root = state.ComputeRoot();
        if (root != head.StateRoot)
        {
            throw new LedgerSnapshotException($"state_root: the snapshot's records hash to {root}, its head (height {head.Height}) says {head.StateRoot}.");
        }

        if (state.Chain.Height != head.Height || genesis.Height != 0)
        {
            throw new LedgerSnapshotException($"height: the chain record is at {state.Chain.Height}, the head at {head.Height}, the genesis header at {genesis.Height} (must be 0).");
        }

        return SettlementLedger.Resume(state, head, genesis, beacon, registry);
    }
}
