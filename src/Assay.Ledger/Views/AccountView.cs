using Assay.Ledger.State;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.Views;

/// <summary>An account: nonce, public key (once it has signed) and balances per asset in minor units.</summary>
/// <param name="Address">Address (<c>asy…</c>).</param>
/// <param name="Nonce">Next nonce the account must use.</param>
/// <param name="PublicKey">Compressed P-256 public key (hex), or null before its first transaction.</param>
/// <param name="Balances">Balance per asset (minor units); zero balances are omitted.</param>
public sealed record AccountView(string Address, ulong Nonce, string? PublicKey, IReadOnlyDictionary<string, ulong> Balances)
{
    /// <summary>The view of <paramref name="account"/> at <paramref name="address"/> (an unknown account: nonce 0, no balances).</summary>
    public static AccountView From(Address address, Account? account)
    {
        if (account is null)
        {
            return new AccountView(address.ToString(), 0, null, new SortedDictionary<string, ulong>(StringComparer.Ordinal));
        }

        string? key = null;
        if (account.PublicKey is { } publicKey)
        {
            Span<byte> bytes = stackalloc byte[Proofs.Signatures.PublicKey.EncodedLength];
            publicKey.WriteTo(bytes);
            key = Convert.ToHexStringLower(bytes);
        }

        return new AccountView(address.ToString(), account.Nonce, key, new SortedDictionary<string, ulong>(account.Balances, StringComparer.Ordinal));
    }
}
