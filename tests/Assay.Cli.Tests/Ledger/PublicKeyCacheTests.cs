using Assay.Ledger.Transactions;
using Assay.Proofs.Canonical;
using Assay.Storage.Chain;

namespace Assay.Cli.Tests.Ledger;

/// <summary>The decoded-key cache behind fast replay (Assay.Proofs.Signatures.PublicKeyCache) shares instances without changing any result.</summary>
public sealed class PublicKeyCacheTests
{
    [Fact]
    public void Decoding_a_transaction_twice_shares_the_key_and_both_still_verify()
    {
        var key = LedgerDemoChain.Key(4);
        var tx = SignedTransaction.Sign(key, 7, new TransferBody(LedgerDemoChain.Key(5).Address, "ASY", 12));
        var encoded = CanonicalEncoding.Encode(tx);
        var a = CanonicalEncoding.Decode<SignedTransaction>(encoded);
        var b = CanonicalEncoding.Decode<SignedTransaction>(encoded);
        Assert.Same(a.SenderKey, b.SenderKey);
        Assert.True(a.VerifySignature());
        Assert.True(b.VerifySignature());
        Assert.Equal(key.Address, b.Sender);
    }

    [Fact]
    public void A_tampered_signature_under_a_cached_key_still_fails()
    {
        var key = LedgerDemoChain.Key(3);
        var tx = SignedTransaction.Sign(key, 1, new TransferBody(LedgerDemoChain.Key(0).Address, "ASY", 5));
        var encoded = CanonicalEncoding.Encode(tx);
        Assert.True(CanonicalEncoding.Decode<SignedTransaction>(encoded).VerifySignature());
        var other = SignedTransaction.Sign(key, 1, new TransferBody(LedgerDemoChain.Key(0).Address, "ASY", 6));
        var forged = new SignedTransaction(CanonicalEncoding.Decode<SignedTransaction>(encoded).SenderKey, 1, tx.Body, other.Signature);
        Assert.False(forged.VerifySignature(), "a signature over amount 6 must not verify for amount 5");
    }

    [Fact]
    public void A_key_off_the_curve_is_refused_even_after_valid_keys_were_cached()
    {
        var good = LedgerDemoChain.Key(1).PublicKey.Encode();
        Assert.True(Assay.Proofs.Signatures.PublicKey.TryDecode(good, out _));
        var bad = (byte[])good.Clone();
        for (byte i = 1; i < 64; i++)
        {
            bad[32] = (byte)(good[32] ^ i);
            if (!Assay.Proofs.Signatures.PublicKey.TryDecode(bad, out _))
            {
                return;
            }
        }

        Assert.Fail("no x-coordinate near the key's was off the curve (about half are)");
    }
}
