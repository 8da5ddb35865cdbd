using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Proofs.Canonical;
using Assay.Proofs.CommitReveal;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.Tests.Evidence;

/// <summary>Evidence and jail encodings frozen by tests/data/ledger/generate_evidence_vectors.py (independent Python from the layouts).</summary>
public sealed class EvidenceGoldenVectorTests
{
    private static readonly Dictionary<string, string> Vectors = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data", "ledger", "evidence_vectors.csv"))
        .Skip(1).Select(l => l.Split(',')).ToDictionary(p => p[0], p => p[1]);

    private static readonly SigningKey Node = TestNet.Key(100);

    private static Hash256 TestHash(params byte[] data) => DomainHash.Compute("assay/test/v1", data);

    private static Signature Sig(byte r, byte s) => Signature.Decode([.. Enumerable.Repeat(r, 32), .. Enumerable.Repeat(s, 32)]);

    private static (SignedTransaction A, SignedTransaction B) Commits()
    {
        var task = TestHash("task"u8.ToArray());
        var a = new SignedTransaction(Node.PublicKey, 7, new CommitBody(task, new Commitment(TestHash("c1"u8.ToArray()))), Sig(1, 2));
        var b = new SignedTransaction(Node.PublicKey, 7, new CommitBody(task, new Commitment(TestHash("c2"u8.ToArray()))), Sig(3, 4));
        return (a, b);
    }

    [Fact]
    public void Evidence_id_commit_hashes_and_the_evidence_transaction()
    {
        var (a, b) = Commits();
        Assert.Equal(Vectors["evidence_id"], EvidenceRecord.IdFor(Node.Address, TestHash("task"u8.ToArray())).ToString());
        Assert.Equal(Vectors["commit_a_tx_hash"], a.Hash.ToString());
        Assert.Equal(Vectors["commit_b_tx_hash"], b.Hash.ToString());
        var reporter = TestNet.Key(0);
        var body = new EquivocationEvidenceBody(a, b);
        Assert.Equal(Vectors["evidence_payload_digest"], SignedTransaction.ComputePayloadDigest(reporter.PublicKey, 2, body).ToString());
        var tx = new SignedTransaction(reporter.PublicKey, 2, body, Sig(5, 6));
        Assert.Equal(Vectors["evidence_tx_encoding"], Convert.ToHexStringLower(CanonicalEncoding.Encode(tx)));
        Assert.Equal(Vectors["evidence_tx_hash"], tx.Hash.ToString());
        var back = CanonicalEncoding.Decode<SignedTransaction>(Convert.FromHexString(Vectors["evidence_tx_encoding"]));
        Assert.Equal(body, back.Body);
    }

    [Fact]
    public void Unjail_payload_digest_and_round_trip()
    {
        Assert.Equal(Vectors["unjail_payload_digest"], SignedTransaction.ComputePayloadDigest(Node.PublicKey, 4, new UnjailBody()).ToString());
        var tx = SignedTransaction.Sign(Node, 4, new UnjailBody());
        var back = CanonicalEncoding.Decode<SignedTransaction>(CanonicalEncoding.Encode(tx));
        Assert.Equal(new UnjailBody(), back.Body);
        Assert.True(back.VerifySignature());
    }

    [Fact]
    public void Jail_and_evidence_records_and_their_state_keys()
    {
        var jail = new JailRecord(12, 32, 2);
        Assert.Equal(Vectors["jail_record_encoding"], Convert.ToHexStringLower(CanonicalEncoding.Encode(jail)));
        Assert.Equal(Vectors["jail_record_hash"], CanonicalEncoding.Hash(jail).ToString());
        Assert.Equal(Vectors["state_key_jail"], StateKeys.ForAddress(StateNamespace.Jail, Node.Address).ToString());
        var (a, b) = Commits();
        var task = TestHash("task"u8.ToArray());
        var id = EvidenceRecord.IdFor(Node.Address, task);
        var record = new EvidenceRecord(id, Node.Address, task, TestNet.Key(0).Address, 9, 2_000_000, 1_000_000, a.Hash, b.Hash);
        Assert.Equal(Vectors["evidence_record_encoding"], Convert.ToHexStringLower(CanonicalEncoding.Encode(record)));
        Assert.Equal(Vectors["evidence_record_hash"], CanonicalEncoding.Hash(record).ToString());
        Assert.Equal(Vectors["state_key_evidence"], StateKeys.ForHash(StateNamespace.Evidence, id).ToString());
        Assert.Equal(record, CanonicalEncoding.Decode<EvidenceRecord>(CanonicalEncoding.Encode(record)));
        Assert.Equal(jail, CanonicalEncoding.Decode<JailRecord>(CanonicalEncoding.Encode(jail)));
    }

    [Fact]
    public void Random_bit_flips_of_an_evidence_transaction_fail_or_re_encode_identically()
    {
        const int Seed = 4711;
        var (a, b) = Commits();
        var bytes = CanonicalEncoding.Encode(SignedTransaction.Sign(TestNet.Key(0), 2, new EquivocationEvidenceBody(a, b)));
        var random = new Random(Seed);
        for (var trial = 0; trial < 1_000; trial++)
        {
            var flipped = (byte[])bytes.Clone();
            var bit = random.Next(flipped.Length * 8);
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            try
            {
                var decoded = CanonicalEncoding.Decode<SignedTransaction>(flipped);
                Assert.True(CanonicalEncoding.Encode(decoded).AsSpan().SequenceEqual(flipped), $"seed {Seed} trial {trial} bit {bit}: decoded but re-encoded differently");
            }
            catch (CanonicalFormatException)
            {
                // Refused, as it should be when a flip breaks the format.
            }
        }
    }
}
