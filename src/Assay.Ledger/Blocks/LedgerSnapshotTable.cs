using System.Text;
using Assay.Ledger.State;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.Blocks;

/// <summary>One state table seen by the snapshot codec: its namespace, its records as raw (key, value) bytes, and a way to write a record back.</summary>
/// <remarks>The snapshot is generic over these adapters; <see cref="LedgerState"/> lists one per table, so a new table needs
/// one line there (a test fails when a <c>StateTable</c> field has no adapter).</remarks>
internal abstract class LedgerSnapshotTable
{
    protected LedgerSnapshotTable(StateNamespace ns) => Namespace = ns;

    public StateNamespace Namespace { get; }

    /// <summary>Every record as (raw key, canonical value bytes), unordered.</summary>
    public abstract IEnumerable<(byte[] Key, byte[] Value)> Export();

    /// <summary>Decodes and writes one record (inside an open state scope).</summary>
    /// <exception cref="CanonicalFormatException">The key or the value is not canonical for this table.</exception>
    public abstract void Import(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    public static LedgerSnapshotTable Of<TKey, TValue>(StateNamespace ns, StateTable<TKey, TValue> table)
        where TKey : notnull
        where TValue : class, ICanonicalEncodable<TValue> => new Typed<TKey, TValue>(ns, table);

    private sealed class Typed<TKey, TValue> : LedgerSnapshotTable
        where TKey : notnull
        where TValue : class, ICanonicalEncodable<TValue>
    {
        private readonly StateTable<TKey, TValue> _table;

        public Typed(StateNamespace ns, StateTable<TKey, TValue> table)
            : base(ns) => _table = table;

        public override IEnumerable<(byte[] Key, byte[] Value)> Export() =>
            _table.Items.Select(kv => (KeyBytes(kv.Key), CanonicalEncoding.Encode(kv.Value))).ToList();

        public override void Import(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
        {
            var decoded = CanonicalEncoding.Decode<TValue>(value);
            if (!CanonicalEncoding.Encode(decoded).AsSpan().SequenceEqual(value))
            {
                CanonicalReader.Fail(0, $"the canonical encoding of a {typeof(TValue).Name}");
            }

            _table.Set(KeyFrom(key), decoded);
        }

        private static byte[] KeyBytes(TKey key)
        {
            switch (key)
            {
                case Address address:
                    return address.ToArray();
                case Hash256 hash:
                    return hash.ToArray();
                case string text:
                    return Encoding.UTF8.GetBytes(text);
                default:
                    throw new NotSupportedException($"No snapshot key codec for {typeof(TKey).Name}.");
            }
        }

        private static TKey KeyFrom(ReadOnlySpan<byte> key)
        {
            object value;
            if (typeof(TKey) == typeof(Address))
            {
                RequireLength(key, Address.Length);
                value = new Address(key);
            }
            else if (typeof(TKey) == typeof(Hash256))
            {
                RequireLength(key, Hash256.Length);
                value = new Hash256(key);
            }
            else if (typeof(TKey) == typeof(string))
            {
                RequireLength(key, 0);
                value = string.Empty;
            }
            else
            {
                throw new NotSupportedException($"No snapshot key codec for {typeof(TKey).Name}.");
            }

            return (TKey)value;
        }

        private static void RequireLength(ReadOnlySpan<byte> key, int length)
        {
            if (key.Length != length)
            {
                CanonicalReader.Fail(0, $"a {length}-byte key in namespace {typeof(TValue).Name}");
            }
        }
    }
}
