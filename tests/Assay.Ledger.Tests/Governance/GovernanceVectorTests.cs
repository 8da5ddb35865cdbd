using System.Collections.Immutable;
using Assay.Ledger.Governance;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using static Assay.Ledger.Tests.Governance.GovernanceNet;

namespace Assay.Ledger.Tests.Governance;

/// <summary>Governance encodings frozen by tests/data/ledger/generate_governance_vectors.py (independent Python), and round trips.</summary>
public sealed class GovernanceVectorTests
{
    internal static readonly Dictionary<string, string> Vectors = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data", "ledger", "governance_vectors.csv"))
        .Skip(1).Select(l => l.Split(',')).ToDictionary(p => p[0], p => p[1]);

    private static ImmutableArray<ParameterChange> VectorChanges => Changes((GovernedParameter.MinStake, 20_000_000), (GovernedParameter.SlashWrongRevealBps, 2_500));

    [Fact]
    public void Config_encoding_hash_and_state_key()
    {
        var bytes = CanonicalEncoding.Encode(GovernanceNet.Config);
        Assert.Equal(Vectors["governance_config_encoding"], Convert.ToHexStringLower(bytes));
        Assert.Equal(Vectors["governance_config_hash"], CanonicalEncoding.Hash(GovernanceNet.Config).ToString());
        Assert.Equal(Vectors["state_key_governance"], StateKeys.For(StateNamespace.Governance, []).ToString());
        var back = CanonicalEncoding.Decode<GovernanceConfig>(bytes);
        Assert.Equal(GovernanceNet.Config.Governors, back.Governors.AsEnumerable());
        Assert.Equal(bytes, CanonicalEncoding.Encode(back));
    }

    [Fact]
    public void Propose_and_approve_payload_digests()
    {
        var propose = new GovernanceProposeBody(VectorChanges, GovernanceNet.Config);
        Assert.Equal(Vectors["propose_payload_digest"], SignedTransaction.ComputePayloadDigest(G0.PublicKey, 4, propose).ToString());
        var approve = new GovernanceApproveBody(DomainHash.Compute("assay/test/v1", "proposal"u8));
        Assert.Equal(Vectors["approve_payload_digest"], SignedTransaction.ComputePayloadDigest(G0.PublicKey, 5, approve).ToString());
    }

    [Fact]
    public void Transactions_and_records_round_trip()
    {
        TransactionBody[] bodies =
        [
            new GovernanceProposeBody(VectorChanges, GovernanceNet.Config),
            new GovernanceProposeBody(VectorChanges, null),
            new GovernanceApproveBody(DomainHash.Compute("assay/test/v1", "a"u8)),
            new GovernanceExecuteBody(DomainHash.Compute("assay/test/v1", "b"u8)),
        ];
        foreach (var body in bodies)
        {
            var tx = SignedTransaction.Sign(G1, 9, body);
            var bytes = CanonicalEncoding.Encode(tx);
            var back = CanonicalEncoding.Decode<SignedTransaction>(bytes);
            Assert.True(back.VerifySignature(), body.ToString());
            Assert.Equal(tx.Hash, back.Hash);
            Assert.Equal(body.Kind, back.Body.Kind);
        }

        var net = GovernanceNet.Create();
        var id = ProposeAndApprove(net, new GovernanceProposeBody(VectorChanges, GovernanceNet.Config));
        var proposal = net.State.GetProposal(id)!;
        Assert.Equal(2, proposal.Approvals.Length);
        var encoded = CanonicalEncoding.Encode(proposal);
        Assert.Equal(encoded, CanonicalEncoding.Encode(CanonicalEncoding.Decode<Proposal>(encoded)));
        var state = net.State.Governance! with { PendingParameters = TestNet.Parameters, PendingConfig = GovernanceNet.Config };
        encoded = CanonicalEncoding.Encode(state);
        Assert.Equal(encoded, CanonicalEncoding.Encode(CanonicalEncoding.Decode<GovernanceState>(encoded)));

        // The blocks (with governance transactions) decode and replay.
        var decoded = net.Blocks.Select(b => CanonicalEncoding.Decode<Blocks.Block>(CanonicalEncoding.Encode(b))).ToList();
        Assert.Equal("all blocks match", Blocks.SettlementLedger.Replay(net.Genesis, decoded).Detail);
    }
}
