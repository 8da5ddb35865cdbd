using Assay.Compute.Kinds;
using Assay.Compute.Tasks;
using Assay.Ledger.Blocks;
using Assay.Ledger.Protocol;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;
using Assay.Proofs.Canonical;
using Assay.Proofs.CommitReveal;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;
using Assay.Proofs.SpotCheck;

namespace Assay.Storage.Tests.Chain;

/// <summary>A deterministic chain: funded accounts, analytic nodes, seeded transfers (some overdrawn) and PriceBook tasks run to finality by in-process honest nodes.</summary>
/// <remarks>Keys and parameters follow the ledger tests' <c>TestNet</c> (copied: that fixture lives in another test project).</remarks>
internal sealed class ChainScenario
{
    public const string Native = "ASY";
    public const long GenesisTime = 1_790_000_000_000;
    public const long BlockMs = 1_000;
    public const int Accounts = 6;
    public const int Nodes = 4;

    private readonly Dictionary<(Hash256 Task, Address Node), (TaskRun Run, CommitSalt Salt)> _work = [];
    private readonly Random _rng;

    public ChainScenario(int seed) => _rng = new Random(seed);

    public static SigningKey Key(int i)
    {
        var scalar = new byte[32];
        scalar[30] = (byte)(i >> 8);
        scalar[31] = (byte)(i + 1);
        scalar[0] = 0x11;
        return SigningKey.FromPrivateScalar(scalar);
    }

    public static GenesisConfig Genesis()
    {
        var parameters = new ProtocolParameters
        {
            MinStakeMinorUnits = 1_000_000, CommitWindowBlocks = 3, RevealWindowBlocks = 3, MinChallengeWindowBlocks = 2, UnbondingPeriodBlocks = 4,
        };
        var accounts = Enumerable.Range(0, Accounts)
            .Select(i => new GenesisAccount(Key(i).Address, new Dictionary<string, ulong> { [Native] = 1_000_000_000_000 })).ToList();
        var caps = NodeCapabilities.TryCreate(["analytic"], 8, 16_384, out _)!;
        var nodes = Enumerable.Range(100, Nodes).Select(i => new GenesisNode(Key(i).Address, 10_000_000, caps)).ToList();
        return new GenesisConfig(GenesisTime, parameters, accounts, nodes);
    }

    public static TaskSpec PriceBookSpec(ulong seed)
    {
        var positions = Enumerable.Range(0, 4).Select(i => new PriceBookPosition(
            new BlackScholesParameters(i % 2 == 0 ? OptionType.Call : OptionType.Put, 100.0, 90.0 + i, 0.5, 0.03, 0.01, 0.2 + (0.01 * i)), 1.0 + i)).ToArray();
        var policy = new VerificationPolicy(3, 2, new SpotCheckPolicy(2, 1, PriceBookKind.GrossValueLane), 0.0, 2, 1000);
        return new TaskSpec(TaskKindIds.PriceBook, 1, CanonicalEncoding.Encode(new PriceBookInputs(positions)), positions.Length, seed, policy, 9_000_000, GenesisTime + 3_600_000);
    }

    public long NextTime(SettlementLedger ledger) => ledger.Head.TimestampUnixMs + BlockMs;

    /// <summary>The next block's transactions given the ledger's head: transfers, a task every sixth block, and every due commit and reveal.</summary>
    public List<SignedTransaction> NextBlock(SettlementLedger ledger)
    {
        var state = ledger.State;
        var height = ledger.Head.Height + 1;
        var txs = new List<SignedTransaction>();
        var sent = new Dictionary<Address, ulong>();
        SignedTransaction Sign(SigningKey key, TransactionBody body)
        {
            var nonce = (state.GetAccount(key.Address)?.Nonce ?? 0) + sent.GetValueOrDefault(key.Address);
            sent[key.Address] = sent.GetValueOrDefault(key.Address) + 1;
            return SignedTransaction.Sign(key, nonce, body);
        }

        for (var i = 0; i < 3; i++)
        {
            var from = _rng.Next(Accounts);
            var to = (from + 1 + _rng.Next(Accounts - 1)) % Accounts;
            var amount = _rng.Next(10) == 0 ? 5_000_000_000_000UL : (ulong)_rng.Next(1, 1_000_000);
            txs.Add(Sign(Key(from), new TransferBody(Key(to).Address, Native, amount)));
        }

        if (height % 6 == 1)
        {
            txs.Add(Sign(Key((int)(height % 3)), new SubmitTaskBody(PriceBookSpec(height))));
        }

        foreach (var id in state.OpenTaskIds)
        {
            var task = state.GetTask(id)!;
            var spec = state.GetSpec(id)!;
            foreach (var a in task.Assignments)
            {
                var key = Enumerable.Range(100, Nodes).Select(Key).First(k => k.Address == a.Node);
                if (a.Status == AssignmentStatus.Assigned)
                {
                    var (run, salt) = Work(spec, key);
                    txs.Add(Sign(key, new CommitBody(id, Commitment.Create(id, key.Address, run.Result.Root.Digest(), salt))));
                }
                else if (a.Status == AssignmentStatus.Committed && a.ChallengeSeed != Hash256.Zero)
                {
                    var (run, salt) = Work(spec, key);
                    var proof = TaskRunner.Prove(TaskRules.SpecFor(spec, key.Address), run.Tree, a.ChallengeSeed.ToArray()).Encode();
                    txs.Add(Sign(key, new RevealBody(id, run.Result, salt, proof)));
                }
            }
        }

        return txs;
    }

    private (TaskRun Run, CommitSalt Salt) Work(TaskSpec spec, SigningKey key)
    {
        if (!_work.TryGetValue((spec.TaskId, key.Address), out var work))
        {
            var run = TaskRunner.Run(TaskRules.SpecFor(spec, key.Address), key.Address.ToArray(), maxDegreeOfParallelism: 1);
            var salt = new byte[32];
            spec.TaskId.WriteTo(salt);
            salt[31] ^= key.Address.ToArray()[0];
            work = (run, new CommitSalt(salt));
            _work[(spec.TaskId, key.Address)] = work;
        }

        return work;
    }
}
