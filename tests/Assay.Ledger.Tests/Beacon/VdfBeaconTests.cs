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

    private static GenesisConfig Genesis(long delay) => TestNet.MakeGenesis(3, 3, parameters: TestNet.Parameters with { BeaconDelaySquarings = (ulong)delay });

    private static (TestNet Net, List<Block> Blocks) Chain(int blocks)
    {
        var net = new TestNet(Genesis(Delay), VdfBeacon.Rsa2048);
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

        var report = SettlementLedger.Replay(net.Genesis, blocks, VdfBeacon.Rsa2048);
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
        var evaluation = VdfBeacon.Rsa2048.Evaluate(parent, preHash, Delay);
        Assert.Equal(vectors["vdf_y"], Convert.ToHexStringLower(evaluation.Proof.AsSpan(1 + 32 + 8, 256)));
        Assert.Equal(vectors["vdf_beacon"], evaluation.Output.ToString());
        Assert.True(VdfBeacon.Rsa2048.TryVerify(parent, preHash, Delay, evaluation.Proof, out var output, out var reason), reason);
        Assert.Equal(evaluation.Output, output);
    }

    [Fact]
    public void A_tampered_proof_is_refused_on_replay_at_its_height()
    {
        var (net, blocks) = Chain(3);
        var bad = blocks[1].BeaconProof.ToArray();
        bad[PiOffset] ^= 1;
        blocks[1] = blocks[1] with { BeaconProof = bad };
        var report = SettlementLedger.Replay(net.Genesis, blocks, VdfBeacon.Rsa2048);
        Assert.Equal(2UL, report.FirstMismatchHeight);
        Assert.StartsWith("beacon_proof: the Wesolowski check", report.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_proof_from_another_block_is_refused_naming_the_seed()
    {
        var (net, blocks) = Chain(2);
        blocks[0] = blocks[0] with { BeaconProof = blocks[1].BeaconProof };
        var report = SettlementLedger.Replay(net.Genesis, blocks, VdfBeacon.Rsa2048);
        Assert.Equal(1UL, report.FirstMismatchHeight);
        Assert.Contains("seed", report.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_proof_with_another_delay_is_refused()
    {
        var (net, blocks) = Chain(1);
        // A correct proof for the right seed, but with twice the delay in force.
        var longer = VdfBeacon.Rsa2048.Evaluate(net.Ledger.GenesisHeader.Beacon, blocks[0].Header.PreHash, Delay * 2).Proof;
        Assert.True(WesolowskiVdf.Rsa2048.Verify(WesolowskiVdf.Rsa2048.Decode(longer)));
        var report = SettlementLedger.Replay(net.Genesis, [blocks[0] with { BeaconProof = longer }], VdfBeacon.Rsa2048);
        Assert.Equal(1UL, report.FirstMismatchHeight);
        Assert.Contains($"{Delay * 2} squarings; beacon_delay_squarings in force is {Delay}", report.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_without_a_proof_is_refused_and_garbage_does_not_decode()
    {
        var (net, blocks) = Chain(1);
        foreach (var proof in new[] { Array.Empty<byte>(), new byte[ProofLength], blocks[0].BeaconProof[..^1] })
        {
            var report = SettlementLedger.Replay(net.Genesis, [blocks[0] with { BeaconProof = proof }], VdfBeacon.Rsa2048);
            Assert.Equal(1UL, report.FirstMismatchHeight);
            Assert.StartsWith("beacon_proof: does not decode", report.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Delay_out_of_range_is_refused_at_genesis_and_by_governance()
    {
        var e = Assert.Throws<GenesisException>(() => SettlementLedger.Create(Genesis(0), VdfBeacon.Rsa2048));
        Assert.Equal("parameters.beacon_delay_squarings", e.Field);
        var net = GovernanceNet.Create();
        var body = new GovernanceProposeBody(GovernanceNet.Changes((Ledger.Governance.GovernedParameter.BeaconDelaySquarings, (1UL << 40) + 1)), null);
        GovernanceNet.AssertRejected(net, net.Sign(GovernanceNet.G0, body), RejectionReason.InvalidField, "beacon_delay_squarings");
    }

    [Fact]
    public void Governance_changes_the_delay_from_the_next_block_and_replay_follows()
    {
        var genesis = TestNet.MakeGenesis(4, 4, parameters: TestNet.Parameters with { BeaconDelaySquarings = Delay }) with { Governance = GovernanceNet.Config };
        var net = new TestNet(genesis, VdfBeacon.Rsa2048);
        var id = GovernanceNet.ProposeAndApprove(net, new GovernanceProposeBody(
            GovernanceNet.Changes((Ledger.Governance.GovernedParameter.BeaconDelaySquarings, 2 * Delay)), null));
        net.Commit();
        net.Tx(GovernanceNet.Outsider, new GovernanceExecuteBody(id));
        var executing = net.Commit();
        var next = net.Commit();
        Assert.Equal(Delay, WesolowskiVdf.Rsa2048.Decode(executing.BeaconProof).DelaySquarings);
        Assert.Equal(2 * Delay, WesolowskiVdf.Rsa2048.Decode(next.BeaconProof).DelaySquarings);
        var report = SettlementLedger.Replay(genesis, net.Blocks, VdfBeacon.Rsa2048);
        Assert.True(report.AllMatch, report.Detail);
    }

    private static string Hex(BigInteger value)
    {
        var bytes = new byte[256];
        Assert.True(value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false));
        return Convert.ToHexStringLower(bytes);
    }
}
