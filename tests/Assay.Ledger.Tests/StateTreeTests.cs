using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;

namespace Assay.Ledger.Tests;

public sealed class StateTreeTests
{
    [Fact]
    public void The_root_does_not_depend_on_insertion_order_or_batching()
    {
        const int Seed = 99;
        var random = new Random(Seed);
        var pairs = Enumerable.Range(0, 500).Select(i => (Key: DomainHash.Compute("assay/test/v1", BitConverter.GetBytes(i)), Value: DomainHash.Compute("assay/test-value/v1", BitConverter.GetBytes(i)))).ToArray();
        var one = new SparseMerkleTree();
        foreach (var (key, value) in pairs)
        {
            one.Set(key, value);
            _ = one.Root;
        }

        var two = new SparseMerkleTree();
        foreach (var (key, value) in pairs.OrderBy(_ => random.Next()))
        {
            two.Set(key, DomainHash.Compute("assay/test/v1", [0]));
        }

        foreach (var (key, value) in pairs)
        {
            two.Set(key, value);
        }

        Assert.True(one.Root == two.Root, $"seed {Seed}");
        Assert.Equal(500, two.Count);
    }

    [Fact]
    public void Account_proofs_verify_against_the_root_alone_and_fail_when_anything_changes()
    {
        var net = new TestNet(TestNet.MakeGenesis(20, 3));
        net.Tx(TestNet.Key(0), new TransferBody(TestNet.Key(1).Address, "ASY", 77));
        net.Commit();
        var root = net.Ledger.Head.StateRoot;
        for (var i = 0; i < 20; i++)
        {
            var proof = net.Ledger.ProveAccount(TestNet.Key(i).Address)!;
            Assert.True(proof.Verify(root), $"account {i}");
            var decoded = CanonicalEncoding.Decode<AccountProof>(CanonicalEncoding.Encode(proof));
            Assert.True(decoded.Verify(root), $"account {i} after a round trip");
            Assert.False(proof.Verify(net.Blocks[0].Header.StateRoot == root ? default : net.Ledger.GenesisHeader.StateRoot));
            Assert.False((proof with { Account = proof.Account with { Nonce = proof.Account.Nonce + 1 } }).Verify(root));
            Assert.False((proof with { Address = TestNet.Key((i + 1) % 20).Address }).Verify(root));
            var siblings = proof.Path.Siblings;
            for (var d = 0; d < siblings.Length; d++)
            {
                var bytes = siblings[d].ToArray();
                bytes[d % 32] ^= 1;
                Assert.False((proof with { Path = new SparseMerkleProof(siblings.SetItem(d, new Hash256(bytes))) }).Verify(root), $"account {i}, sibling {d}");
            }

            Assert.False((proof with { Path = new SparseMerkleProof(siblings.Add(Hash256.Zero)) }).Verify(root));
            if (siblings.Length > 0)
            {
                Assert.False((proof with { Path = new SparseMerkleProof(siblings.RemoveAt(siblings.Length - 1)) }).Verify(root));
            }
        }

        Assert.Null(net.Ledger.ProveAccount(TestNet.Key(55).Address));
    }

    [Fact]
    public void State_records_round_trip_through_their_canonical_encodings()
    {
        var net = new TestNet(TestNet.MakeGenesis(2, 3));
        var spec = TestNet.PriceBookSpec();
        net.Tx(TestNet.Key(0), new SubmitTaskBody(spec));
        net.Tx(TestNet.Key(100), new BeginUnbondingBody(5_000_000));
        net.Commit();
        net.Commit();
        var task = net.State.GetTask(spec.TaskId)!;
        Assert.Equal(task, CanonicalEncoding.Decode<TaskRecord>(CanonicalEncoding.Encode(task)));
        foreach (var (_, node) in net.State.Nodes)
        {
            Assert.Equal(node, CanonicalEncoding.Decode<NodeRecord>(CanonicalEncoding.Encode(node)));
        }

        Assert.Equal(net.State.Parameters, CanonicalEncoding.Decode<ProtocolParameters>(CanonicalEncoding.Encode(net.State.Parameters)));
        Assert.Equal(net.State.Chain, CanonicalEncoding.Decode<ChainRecord>(CanonicalEncoding.Encode(net.State.Chain)));
        foreach (var tx in net.Blocks.SelectMany(b => b.Transactions))
        {
            var back = CanonicalEncoding.Decode<SignedTransaction>(CanonicalEncoding.Encode(tx));
            Assert.Equal(tx.Hash, back.Hash);
            Assert.True(back.VerifySignature());
        }
    }

    [Fact]
    public void Transaction_decoder_refuses_or_reproduces_every_mutation()
    {
        const int Seed = 5150;
        var random = new Random(Seed);
        var net = new TestNet(TestNet.MakeGenesis(2, 1));
        var tx = net.Sign(TestNet.Key(0), new TransferBody(TestNet.Key(1).Address, "ASY", 5));
        var bytes = CanonicalEncoding.Encode(tx);
        var decoded = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var mutant = (byte[])bytes.Clone();
            mutant[random.Next(mutant.Length)] ^= (byte)(1 << random.Next(8));
            try
            {
                var back = CanonicalEncoding.Decode<SignedTransaction>(mutant);
                Assert.Equal(mutant, CanonicalEncoding.Encode(back));
                decoded++;
            }
            catch (CanonicalFormatException)
            {
            }
        }

        Assert.True(decoded < 2_000, $"seed {Seed}");
    }
}
