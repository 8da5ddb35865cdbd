using Assay.Ledger.Transactions;
using Assay.Proofs.Signatures;

namespace Assay.Simulation.Tests;

/// <summary>The simulator's deterministic ECDSA: the ledger's verifier accepts it, and it signs the same bytes every time.</summary>
public sealed class DeterministicSignerTests
{
    [Fact]
    public void Signatures_verify_are_low_s_and_repeat_exactly()
    {
        const int Seed = 99;
        var random = new Random(Seed);
        for (var i = 0; i < 20; i++)
        {
            var scalar = new byte[32];
            random.NextBytes(scalar);
            scalar[0] = (byte)(1 + random.Next(0x7f));
            var signer = new DeterministicSigner(scalar);
            using var key = SigningKey.FromPrivateScalar(scalar);
            var body = new TransferBody(key.Address == signer.Address ? new DeterministicSigner(scalar.Reverse().ToArray()).Address : key.Address, "ASY", (ulong)random.NextInt64(1, long.MaxValue));
            var nonce = (ulong)random.Next();
            var a = signer.Sign(nonce, body);
            var b = signer.Sign(nonce, body);
            Assert.True(a.VerifySignature(), $"seed {Seed} key {i}: signature does not verify");
            Assert.True(a.Signature.IsCanonical, $"seed {Seed} key {i}: not low S");
            Assert.Equal(a.Hash, b.Hash);
            Assert.NotEqual(a.Hash, signer.Sign(nonce + 1, body).Hash);
            var other = new SignedTransaction(a.SenderKey, nonce + 1, body, a.Signature);
            Assert.False(other.VerifySignature(), $"seed {Seed} key {i}: a signature verified for another payload");
        }
    }
}
