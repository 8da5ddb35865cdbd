using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.State;

/// <summary>An account and the sparse-Merkle path that proves it is in the state whose root a block header carries.</summary>
/// <remarks>Canonical body (format 1, tag <see cref="LedgerTypeTags.AccountProof"/>): address (20-byte string) ‖
/// account object ‖ u32 n ‖ n × sibling hash (n ≤ 256). Verification needs only the state root.</remarks>
public sealed record AccountProof(Address Address, Account Account, SparseMerkleProof Path) : ICanonicalEncodable<AccountProof>
{
    /// <summary>Canonical type tag.</summary>
    public static ushort TypeTag => LedgerTypeTags.AccountProof;

    /// <summary>Body format version.</summary>
    public static byte FormatVersion => 1;

    /// <summary>Domain tag of the proof's hash.</summary>
    public static string HashTag => "assay/ledger-account-proof/v1";

    /// <summary>Whether the account is in the state with root <paramref name="stateRoot"/>; never throws.</summary>
    public bool Verify(Hash256 stateRoot) =>
        Account is not null && Path is not null
        && SparseMerkleTree.Verify(stateRoot, StateKeys.ForAccount(Address), CanonicalEncoding.Hash(Account), Path);

    /// <summary>Reads and validates a body.</summary>
    public static AccountProof ReadBody(ref CanonicalReader reader)
    {
        var address = CanonicalFields.ReadAddress(ref reader);
        var account = reader.ReadObject<Account>();
        var siblings = reader.ReadHashes(SparseMerkleTree.KeyBits);
        return new AccountProof(address, account, new SparseMerkleProof([.. siblings]));
    }

    /// <summary>Writes the body (see remarks).</summary>
    public void WriteBody(CanonicalWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        CanonicalFields.WriteAddress(writer, Address);
        writer.WriteObject(Account);
        writer.WriteHashes(Path.Siblings.AsSpan(), SparseMerkleTree.KeyBits);
    }
}
