using System.Collections.Immutable;
using Assay.Compute.Tasks;
using Assay.Ledger.Beacon;
using Assay.Ledger.Governance;
using Assay.Ledger.Protocol;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Assay.Proofs.Merkle;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.Blocks;

/// <summary>The settlement ledger: state, head, and block application; deterministic given the genesis and the blocks.</summary>
/// <remarks>
/// <para>Applying block h: (1) the timestamp must not be below the parent's; (2) every signature is checked (in
/// parallel: each check is a pure function of the transaction); (3) block duties run (<c>BeginBlock</c>: unbonding
/// releases, deadlines, allocation with the parent's beacon, reveal windows, finality, expiry); (4) the transactions run
/// in order, each applied or rejected; (5) the state root, transaction root and outcomes root are computed, then the
/// beacon from the pre-hash, then the block hash.</para>
/// <para>No I/O, no clock, no ambient randomness: the timestamp and the transactions are the only inputs.</para>
/// </remarks>
public sealed class SettlementLedger
{
    /// <summary>Most transactions in one block.</summary>
    public const int MaxTransactionsPerBlock = 1 << 16;

    private readonly StateMachine _machine;
    private readonly IBeaconSource _beacon;

    private SettlementLedger(LedgerState state, StateMachine machine, IBeaconSource beacon, BlockHeader genesisHeader)
    {
        State = state;
        _machine = machine;
        _beacon = beacon;
        Head = genesisHeader;
        GenesisHeader = genesisHeader;
    }

    /// <summary>The current state.</summary>
    public LedgerState State { get; }

    /// <summary>Open tasks whose block duty ran in the last applied block: with the deadline index, only tasks with something due (docs/ledger.md, "Deadline index").</summary>
    public int LastBlockTasksStepped => _machine.TasksStepped;

    /// <summary>When true, every block's duties step every open task instead of only the due ones; the state is the same either way (a cross-check of the index, and the behaviour before it).</summary>
    public bool FullScanDuties
    {
        get => _machine.FullScan;
        set => _machine.FullScan = value;
    }

    /// <summary>The last applied block's header.</summary>
    public BlockHeader Head { get; private set; }

    /// <summary>The genesis block's header (height 0).</summary>
    public BlockHeader GenesisHeader { get; }

    /// <summary>Builds the genesis state and header.</summary>
    /// <exception cref="GenesisException">The parameters, balances or nodes are invalid (duplicate address, stake below minimum, supply above 2^64 − 1 for the native asset or 2^127 − 1 for another).</exception>
    public static SettlementLedger Create(GenesisConfig genesis, IBeaconSource? beacon = null, TaskKindRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(genesis);
        if (genesis.Parameters.Validate() is { } error)
        {
            throw new GenesisException("parameters." + error.Field, error.Message);
        }

        if (genesis.TimestampUnixMs < 0)
        {
            throw new GenesisException("timestamp_unix_ms", "must be ≥ 0.");
        }

        var supply = new SortedDictionary<string, UInt128>(StringComparer.Ordinal);
        var state = new LedgerState(genesis.Parameters, new ChainRecord { TimestampUnixMs = genesis.TimestampUnixMs });
        state.Begin();
        var seen = new HashSet<Address>();
        for (var i = 0; i < genesis.Accounts.Count; i++)
        {
            var account = genesis.Accounts[i];
            if (!seen.Add(account.Address))
            {
                state.Rollback();
                throw new GenesisException($"accounts[{i}].address", $"{account.Address} appears twice.");
            }

            var record = Account.Empty;
            foreach (var (asset, amount) in account.Balances)
            {
                if (!CanonicalFields.IsValidAsset(asset))
                {
                    state.Rollback();
                    throw new GenesisException($"accounts[{i}].balances.{asset}", "an asset name is 1 … 16 characters A–Z, 0–9.");
                }

                supply[asset] = supply.GetValueOrDefault(asset) + amount;
                record = record.WithBalance(asset, amount);
            }

            state.SetAccount(account.Address, record);
        }

        seen.Clear();
        for (var i = 0; i < genesis.Nodes.Count; i++)
        {
            var node = genesis.Nodes[i];
            if (!seen.Add(node.Address) || node.StakeMinorUnits < genesis.Parameters.MinStakeMinorUnits)
            {
                state.Rollback();
                throw new GenesisException($"nodes[{i}]", $"{node.Address}: duplicate, or stake {node.StakeMinorUnits} below min_stake {genesis.Parameters.MinStakeMinorUnits}.");
            }

            supply[genesis.Parameters.NativeAsset] = supply.GetValueOrDefault(genesis.Parameters.NativeAsset) + node.StakeMinorUnits;
            state.SetNode(node.Address, new NodeRecord(node.StakeMinorUnits, node.Capabilities, genesis.Parameters.InitialReputation, NodeStatus.Active, 0, 0, []));
            if (state.GetAccount(node.Address) is null)
            {
                state.SetAccount(node.Address, Account.Empty);
            }
        }

        foreach (var (asset, total) in supply)
        {
            if (total > (UInt128)Int128.MaxValue || (asset == genesis.Parameters.NativeAsset && total > ulong.MaxValue))
            {
                // Native-asset amounts (insurance, burns, escrow sums) are 64-bit, so its supply must fit in 64 bits.
                state.Rollback();
                throw new GenesisException("accounts", $"the total supply of {asset} ({total}) exceeds {(asset == genesis.Parameters.NativeAsset ? "2^64 − 1 for the native asset" : "2^127 − 1")}.");
            }
        }

        if (genesis.Governance is not null)
        {
            if (genesis.Governance.Validate() is { } governanceError)
            {
                state.Rollback();
                throw new GenesisException("governance." + governanceError.Field, governanceError.Message);
            }

            state.SetGovernance(new GovernanceState(genesis.Governance, null, null));
        }

        state.SetChain(state.Chain with { GenesisSupply = supply.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal) });
        state.Commit();
        var source = beacon ?? HashChainBeacon.Instance;
        var header = new BlockHeader(0, Hash256.Zero, genesis.TimestampUnixMs, MerkleTree.EmptyRoot, MerkleTree.EmptyRoot, state.ComputeRoot(), Hash256.Zero, 0);
        var genesisSource = source is IVerifiableBeaconSource ? HashChainBeacon.Instance : source;
        header = header with { Beacon = genesisSource.Next(Hash256.Zero, header.PreHash) };
        return new SettlementLedger(state, new StateMachine(state, registry ?? TaskKindRegistry.Default), source, header);
    }

    /// <summary>A ledger resumed from a restored state whose root is <paramref name="head"/>'s state root (used by <see cref="LedgerSnapshot"/>).</summary>
    internal static SettlementLedger Resume(LedgerState state, BlockHeader head, BlockHeader genesisHeader, IBeaconSource? beacon, TaskKindRegistry? registry) =>
        new(state, new StateMachine(state, registry ?? TaskKindRegistry.Default), beacon ?? HashChainBeacon.Instance, genesisHeader) { Head = head };

    /// <summary>Applies a block of transactions at <paramref name="timestampUnixMs"/> and returns it with its header and outcomes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The timestamp is below the parent's (field <c>timestamp</c>) or there are too many transactions.</exception>
    public Block ApplyBlock(long timestampUnixMs, IReadOnlyList<SignedTransaction> transactions) => ApplyBlock(timestampUnixMs, transactions, null, out _)!;

    /// <summary>Applies a block; with <paramref name="claimedBeaconProof"/> a verifiable beacon checks that proof instead of evaluating (null block and a reason when it fails).</summary>
    private Block? ApplyBlock(long timestampUnixMs, IReadOnlyList<SignedTransaction> transactions, byte[]? claimedBeaconProof, out string beaconError)
    {
        beaconError = string.Empty;
        ArgumentNullException.ThrowIfNull(transactions);
        if (timestampUnixMs < Head.TimestampUnixMs)
        {
            throw new ArgumentOutOfRangeException(nameof(timestampUnixMs), $"timestamp: {timestampUnixMs} is below the parent's {Head.TimestampUnixMs}; block time never goes back.");
        }

        if (transactions.Count > MaxTransactionsPerBlock)
        {
            throw new ArgumentOutOfRangeException(nameof(transactions), $"transactions: {transactions.Count} exceeds the maximum of {MaxTransactionsPerBlock} per block.");
        }

        if (transactions.Count >= 32)
        {
            Parallel.For(0, transactions.Count, i => PreVerify(transactions[i]));
        }

        var height = Head.Height + 1;
        _machine.BeginBlock(height, timestampUnixMs, Head.Hash, Head.Beacon);
        var outcomes = new TransactionOutcome[transactions.Count];
        var txLeaves = new Hash256[transactions.Count];
        var outcomeLeaves = new Hash256[transactions.Count];
        Span<byte> bytes = stackalloc byte[Hash256.Length];
        for (var i = 0; i < transactions.Count; i++)
        {
            outcomes[i] = _machine.Apply(transactions[i]);
            transactions[i].Hash.WriteTo(bytes);
            txLeaves[i] = MerkleTree.HashLeaf(bytes);
            CanonicalEncoding.Hash(outcomes[i]).WriteTo(bytes);
            outcomeLeaves[i] = MerkleTree.HashLeaf(bytes);
        }

        var header = new BlockHeader(
            height, Head.Hash, timestampUnixMs, MerkleTree.ComputeRoot(txLeaves), MerkleTree.ComputeRoot(outcomeLeaves), State.ComputeRoot(), Hash256.Zero, (uint)transactions.Count);
        byte[] proof = [];
        if (_beacon is IVerifiableBeaconSource verifiable)
        {
            Hash256 output;
            if (claimedBeaconProof is null)
            {
                (output, proof) = verifiable.Evaluate(Head.Beacon, header.PreHash, (long)State.Parameters.BeaconDelaySquarings);
            }
            else if (verifiable.TryVerify(Head.Beacon, header.PreHash, (long)State.Parameters.BeaconDelaySquarings, claimedBeaconProof, out output, out beaconError))
            {
                proof = claimedBeaconProof;
            }
            else
            {
                return null;
            }

            header = header with { Beacon = output };
        }
        else
        {
            header = header with { Beacon = _beacon.Next(Head.Beacon, header.PreHash) };
        }

        Head = header;
        return new Block(header, transactions.ToArray(), outcomes) { BeaconProof = proof };
    }

    /// <summary>Checks (and caches) every signature a transaction carries: its own, and the two inside equivocation evidence.</summary>
    private static void PreVerify(SignedTransaction tx)
    {
        tx.VerifySignature();
        if (tx.Body is EquivocationEvidenceBody evidence)
        {
            evidence.First.VerifySignature();
            evidence.Second.VerifySignature();
        }
    }

    /// <summary>An inclusion proof of the account against <see cref="Head"/>'s state root, or null when there is no such account.</summary>
    public AccountProof? ProveAccount(Address address) => State.ProveAccount(address);

    /// <summary>Re-executes <paramref name="blocks"/> (heights 1, 2, …) from <paramref name="genesis"/> and reports the first height whose recomputed header differs.</summary>
    public static ReplayReport Replay(GenesisConfig genesis, IEnumerable<Block> blocks, IBeaconSource? beacon = null, TaskKindRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var ledger = Create(genesis, beacon, registry);
        var checkedCount = 0;
        foreach (var block in blocks)
        {
            checkedCount++;
            var claimed = block.Header;
            var height = ledger.Head.Height + 1;
            if (claimed.Height != height || claimed.ParentHash != ledger.Head.Hash)
            {
                return new ReplayReport(checkedCount, height, $"height/parent_hash: the block claims {claimed.Height} on {claimed.ParentHash}; the replay expects {height} on {ledger.Head.Hash}.");
            }

            Block? replayed;
            string beaconError;
            try
            {
                replayed = ledger.ApplyBlock(claimed.TimestampUnixMs, block.Transactions, block.BeaconProof, out beaconError);
            }
            catch (ArgumentOutOfRangeException e)
            {
                return new ReplayReport(checkedCount, height, e.Message);
            }

            if (replayed is null)
            {
                return new ReplayReport(checkedCount, height, beaconError);
            }

            var mine = replayed.Header;
            var field = mine.StateRoot != claimed.StateRoot ? ("state_root", mine.StateRoot, claimed.StateRoot)
                : mine.TransactionRoot != claimed.TransactionRoot ? ("tx_root", mine.TransactionRoot, claimed.TransactionRoot)
                : mine.OutcomesRoot != claimed.OutcomesRoot ? ("outcomes_root", mine.OutcomesRoot, claimed.OutcomesRoot)
                : mine.Beacon != claimed.Beacon ? ("beacon", mine.Beacon, claimed.Beacon)
                : mine.Hash != claimed.Hash ? ("block_hash", mine.Hash, claimed.Hash)
                : default;
            if (field.Item1 is not null)
            {
                return new ReplayReport(checkedCount, height, $"{field.Item1}: replay computed {field.Item2}, the block says {field.Item3}.");
            }
        }

        return new ReplayReport(checkedCount, null, "all blocks match");
    }
}
