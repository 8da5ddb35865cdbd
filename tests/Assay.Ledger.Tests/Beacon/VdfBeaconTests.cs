using System.Numerics;
using Assay.Ledger.Beacon;
using Assay.Ledger.Blocks;
using Assay.Ledger.Tests.Governance;
using Assay.Ledger.Transactions;
using Assay.Proofs.Canonical;
using Assay.Proofs.Delay;
using Assay.Proofs.Hashing;

namespace Assay.Ledger.Tests.Beacon;

/// <summary>The VDF beacon: blocks carry the Wesolowski proof, replay verifies it instead of evaluating, and a bad proof is refused with a reason.</summary>
public sealed class VdfBeaconTests
{
    private const long Delay = 1 << 10;
    private const int ProofLength = 553;
    private const int PiOffset = 1 + 32 + 8 + 256;

    private static (TestNet Net, List<Block> Blocks) Chain(int blocks)
    {
        var net = new TestNet(TestNet.MakeGenesis(3, 3), new VdfBeacon(Delay));
        for (var i = 0; i < blocks; i++)
        {
            net.Tx(TestNet.Key(i % 3), new TransferBody(TestNet.Key((i + 1) % 3).Address, TestNet.Native, 1_000 + (ulong)i));
            net.Commit();
        }

        // Through the canonical encoding, as a store would hand them back.
        return (net, net.Blocks.Select(b => CanonicalEncoding.Decode<Block>(CanonicalEncoding.Encode(b))).ToList());
    }

    [Fact]
    public void Blocks_carry_the_proof_and_replay_verifies_it()
    {
        var (net, blocks) = Chain(4);
        var parent = net.Ledger.GenesisHeader.Beacon;
        foreach (var block in blocks)
        {
            Assert.Equal(ProofLength, block.BeaconProof.Length);
            var seed = VdfBeacon.Seed(parent, block.Header.PreHash);
            var proof = WesolowskiVdf.Rsa2048.Decode(block.BeaconProof);
            Assert.Equal((seed, Delay), (proof.Seed, proof.DelaySquarings));
            Assert.True(WesolowskiVdf.Rsa2048.Verify(proof), $"height {block.Header.Height}");
            var y = new byte[256];
            Assert.True(proof.Output.TryWriteBytes(y, out _, isUnsigned: true, isBigEndian: false));
            Assert.Equal(DomainHash.Compute(VdfBeacon.OutputTag, y), block.Header.Beacon);
            parent = block.Header.Beacon;
        }

        var report = SettlementLedger.Replay(net.Genesis, blocks, new VdfBeacon(Delay));
        Assert.True(report.AllMatch, report.Detail);
        Assert.Equal(4, report.BlocksChecked);
    }

    [Fact]
    public void The_beacon_differs_from_the_hash_chain_and_the_genesis_beacon_is_the_hash_chains()
    {
        var (net, blocks) = Chain(1);
        var plain = new TestNet(net.Genesis);
        Assert.Equal(plain.Ledger.GenesisHeader.Beacon, net.Ledger.GenesisHeader.Beacon);
        var hashChain = HashChainBeacon.Instance.Next(net.Ledger.GenesisHeader.Beacon, blocks[0].Header.PreHash);
        Assert.NotEqual(hashChain, blocks[0].Header.Beacon);
        Assert.Empty(plain.Commit().BeaconProof);
    }

    [Fact]
    public void Golden_vector_from_independent_python()
    {
        var vectors = GovernanceVectorTests.Vectors;
        var parent = DomainHash.Compute("assay/test/v1", "beacon"u8);
        var preHash = DomainHash.Compute("assay/test/v1", "prehash"u8);
        var seed = VdfBeacon.Seed(parent, preHash);
        Assert.Equal(vectors["vdf_seed"], seed.ToString());
        Assert.Equal(vectors["vdf_x"], Hex(WesolowskiVdf.Rsa2048.HashToGroup(seed)));
        var evaluation = new VdfBeacon(Delay).Evaluate(parent, preHash);
        Assert.Equal(vectors["vdf_y"], Convert.ToHexStringLower(evaluation.Proof.AsSpan(1 + 32 + 8, 256)));
        Assert.Equal(vectors["vdf_beacon"], evaluation.Output.ToString());
        Assert.Equal(evaluation.Output, new VdfBeacon(Delay).Next(parent, preHash));
        Assert.True(new VdfBeacon(Delay).TryVerify(parent, preHash, evaluation.Proof, out var output, out var reason), reason);
        Assert.Equal(evaluation.Output, output);
    }

    [Fact]
    public void A_tampered_proof_is_refused_on_replay_at_its_height()
    {
        var (net, blocks) = Chain(3);
        var bad = blocks[1].BeaconProof.ToArray();
        bad[PiOffset] ^= 1;
        blocks[1] = blocks[1] with { BeaconProof = bad };
        var report = SettlementLedger.Replay(net.Genesis, blocks, new VdfBeacon(Delay));
        Assert.Equal(2UL, report.FirstMismatchHeight);
        Assert.StartsWith("beacon_proof: the Wesolowski check", report.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_proof_from_another_block_is_refused_naming_the_seed()
    {
        var (net, blocks) = Chain(2);
        blocks[0] = blocks[0] with { BeaconProof = blocks[1].BeaconProof };
        var report = SettlementLedger.Replay(net.Genesis, blocks, new VdfBeacon(Delay));
        Assert.Equal(1UL, report.FirstMismatchHeight);
        Assert.Contains("seed", report.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_proof_with_another_delay_is_refused()
    {
        var (net, blocks) = Chain(1);
        var report = SettlementLedger.Replay(net.Genesis, blocks, new VdfBeacon(Delay * 2));
        Assert.Equal(1UL, report.FirstMismatchHeight);
        Assert.Contains($"{Delay} squarings; this ledger's delay is {Delay * 2}", report.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_without_a_proof_is_refused_and_garbage_does_not_decode()
    {
        var (net, blocks) = Chain(1);
        foreach (var proof in new[] { Array.Empty<byte>(), new byte[ProofLength], blocks[0].BeaconProof[..^1] })
        {
            var report = SettlementLedger.Replay(net.Genesis, [blocks[0] with { BeaconProof = proof }], new VdfBeacon(Delay));
            Assert.Equal(1UL, report.FirstMismatchHeight);
            Assert.StartsWith("beacon_proof: does not decode", report.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Delay_out_of_range_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new VdfBeacon(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new VdfBeacon(WesolowskiVdf.MaxDelaySquarings + 1));
    }

    private static string Hex(BigInteger value)
    {
        var bytes = new byte[256];
        Assert.True(value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false));
        return Convert.ToHexStringLower(bytes);
    }
}
