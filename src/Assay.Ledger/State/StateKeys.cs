using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.State;

/// <summary>Positions of state records in the sparse Merkle tree: DomainHash("assay/ledger-state-key/v1", u8 namespace ‖ key bytes).</summary>
public static class StateKeys
{
    /// <summary>The domain tag of a state key.</summary>
    public const string Tag = "assay/ledger-state-key/v1";

    /// <summary>The tree position of a record in <paramref name="ns"/> with raw key <paramref name="key"/>.</summary>
    public static Hash256 For(StateNamespace ns, ReadOnlySpan<byte> key)
    {
        Span<byte> prefix = [(byte)ns];
        return DomainHash.Compute(Tag, prefix, key);
    }

    /// <summary>The tree position of an account.</summary>
    public static Hash256 ForAccount(Address address)
    {
        Span<byte> key = stackalloc byte[Address.Length];
        address.WriteTo(key);
        return For(StateNamespace.Account, key);
    }

    /// <summary>The tree position of a node record.</summary>
    public static Hash256 ForNode(Address address)
    {
        Span<byte> key = stackalloc byte[Address.Length];
        address.WriteTo(key);
        return For(StateNamespace.Node, key);
    }

    /// <summary>The tree position of a record keyed by an address in <paramref name="ns"/> (a jail record).</summary>
    public static Hash256 ForAddress(StateNamespace ns, Address address)
    {
        Span<byte> key = stackalloc byte[Address.Length];
        address.WriteTo(key);
        return For(ns, key);
    }

    /// <summary>The tree position of a record keyed by a hash (a task or a task spec).</summary>
    public static Hash256 ForHash(StateNamespace ns, Hash256 id)
    {
        Span<byte> key = stackalloc byte[Hash256.Length];
        id.WriteTo(key);
        return For(ns, key);
    }
}
