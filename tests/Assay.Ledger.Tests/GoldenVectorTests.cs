using System.Collections.Immutable;
using Assay.Ledger.Blocks;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.Tests;

/// <summary>Encodings and hashes frozen by tests/data/ledger/generate_ledger_vectors.py (independent Python from the layouts).</summary>
public sealed class GoldenVectorTests
{
    private static readonly Dictionary<string, string> Vectors = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data", "ledger", "ledger_vectors.csv"))
        .Skip(1).Select(l => l.Split(',')).ToDictionary(p => p[0], p => p[1]);

    private static (Hash256 Key, Hash256 Value)[] Pairs(int n) =>
        Enumerable.Range(0, n).Select(i => (DomainHash.Compute("assay/test/v1", [(byte)i]), DomainHash.Compute("assay/test-value/v1", [(byte)i]))).ToArray();

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    [Fact]
    public void Keys_addresses_and_state_keys()
    {
        var key = TestNet.Key(0);
        Assert.Equal(Vectors["pubkey_0"], Hex(key.PublicKey.Encode()));
        Assert.Equal(Vectors["address_0"], Hex(key.Address.ToArray()));
        Assert.Equal(Vectors["address_1"], Hex(TestNet.Key(1).Address.ToArray()));
        Assert.Equal(Vectors["state_key_account_0"], StateKeys.ForAccount(key.Address).ToString());
        Assert.Equal(Vectors["state_key_parameters"], StateKeys.For(StateNamespace.Parameters, []).ToString());
    }

    [Fact]
    public void Account_encoding_and_hash()
    {
        var balances = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("USD", 5UL), KeyValuePair.Create("ASY", 1000UL)]);
        var account = new Account(7, TestNet.Key(0).PublicKey, balances);
        var bytes = CanonicalEncoding.Encode(account);
        Assert.Equal(Vectors["account_encoding"], Hex(bytes));
        Assert.Equal(Vectors["account_hash"], CanonicalEncoding.Hash(account).ToString());
        Assert.Equal(account, CanonicalEncoding.Decode<Account>(bytes));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(40)]
    public void Sparse_Merkle_roots(int n)
    {
        var tree = new SparseMerkleTree();
        foreach (var (key, value) in Pairs(n))
        {
            tree.Set(key, value);
        }

        Assert.Equal(Vectors[$"smt_root_{n}"], tree.Root.ToString());
    }

    [Fact]
    public void Sparse_Merkle_path()
    {
        var tree = new SparseMerkleTree();
        var pairs = Pairs(40);
        foreach (var (key, value) in pairs)
        {
            tree.Set(key, value);
        }

        var proof = tree.Prove(pairs[7].Key)!;
        Assert.Equal(Vectors["smt_path_40_key_7"], string.Concat(proof.Siblings.Select(s => s.ToString())));
        Assert.True(SparseMerkleTree.Verify(tree.Root, pairs[7].Key, pairs[7].Value, proof));
    }

    [Fact]
    public void Transfer_payload_digest_encoding_and_hash()
    {
        var key = TestNet.Key(0);
        var body = new TransferBody(TestNet.Key(1).Address, "ASY", 12345);
        Assert.Equal(Vectors["transfer_payload_digest"], SignedTransaction.ComputePayloadDigest(key.PublicKey, 3, body).ToString());
        var signature = Signature.Decode([.. Enumerable.Repeat((byte)1, 32), .. Enumerable.Repeat((byte)2, 32)]);
        var tx = new SignedTransaction(key.PublicKey, 3, body, signature);
        var bytes = CanonicalEncoding.Encode(tx);
        Assert.Equal(Vectors["transfer_tx_encoding"], Hex(bytes));
        Assert.Equal(Vectors["transfer_tx_hash"], tx.Hash.ToString());
        var back = CanonicalEncoding.Decode<SignedTransaction>(bytes);
        Assert.Equal(tx.Hash, back.Hash);
        Assert.False(back.VerifySignature());
    }

    [Fact]
    public void Block_header_prehash_beacon_and_hash()
    {
        static Hash256 T(string s) => DomainHash.Compute("assay/test/v1", System.Text.Encoding.ASCII.GetBytes(s));
        var header = new BlockHeader(5, T("parent"), 1_790_000_005_000, T("tx"), T("out"), T("state"), Hash256.Zero, 17);
        Assert.Equal(Vectors["header_prehash"], header.PreHash.ToString());
        var beacon = HashChainBeacon.Instance.Next(T("beacon"), header.PreHash);
        Assert.Equal(Vectors["header_beacon"], beacon.ToString());
        Assert.Equal(Vectors["header_hash"], (header with { Beacon = beacon }).Hash.ToString());
    }
}
