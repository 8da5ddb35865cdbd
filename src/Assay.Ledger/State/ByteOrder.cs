using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.State;

/// <summary>Byte-wise (unsigned, lexicographic) orderings of addresses and hashes, the only orders the ledger iterates in.</summary>
public sealed class ByteOrder : IComparer<Address>, IComparer<Hash256>
{
    /// <summary>The shared instance.</summary>
    public static ByteOrder Instance { get; } = new();

    /// <inheritdoc/>
    public int Compare(Address x, Address y)
    {
        Span<byte> a = stackalloc byte[Address.Length];
        Span<byte> b = stackalloc byte[Address.Length];
        x.WriteTo(a);
        y.WriteTo(b);
        return a.SequenceCompareTo(b);
    }

    /// <inheritdoc/>
    public int Compare(Hash256 x, Hash256 y)
    {
        Span<byte> a = stackalloc byte[Hash256.Length];
        Span<byte> b = stackalloc byte[Hash256.Length];
        x.WriteTo(a);
        y.WriteTo(b);
        return a.SequenceCompareTo(b);
    }
}
