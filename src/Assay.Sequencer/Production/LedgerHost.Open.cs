using Assay.Ledger.Blocks;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Ledger.Views;
using Assay.Proofs.Canonical;
using Assay.Sequencer.Events;
using Assay.Storage;
using Assay.Storage.Chain;
using Assay.Storage.Postgres;
using Assay.Storage.Sqlite;

namespace Assay.Sequencer.Production;

internal sealed partial class LedgerHost
{
    /// <summary>Opens (or creates) the chain, rebuilds the indexes and recent events from the store, and starts accepting transactions.</summary>
    /// <exception cref="SequencerConfigurationException">No genesis for an empty store, a genesis of another chain, or a store that cannot be opened or replayed.</exception>
    public async Task OpenAsync(CancellationToken ct)
    {
        if (_chain is not null)
        {
            return;
        }

        var describe = _options.IsPostgres ? $"PostgreSQL (schema {_options.StoreSchema})" : StorePath();
        try
        {
            if (_options.IsPostgres)
            {
                _store = await PostgresBlockStore.OpenAsync(_options.StoreConnectionString!, _options.StoreSchema, cancellationToken: ct).ConfigureAwait(false);
            }
            else
            {
                var path = StorePath();
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                _store = SqliteBlockStore.Open(path);
            }
        }
        catch (Exception e) when (e is BlockStoreException or IOException or UnauthorizedAccessException or System.Data.Common.DbException or ArgumentException or InvalidOperationException)
        {
            throw new SequencerConfigurationException("store", $"cannot open {describe}: {e.Message}", e);
        }

        var chainOptions = new LedgerChainOptions(_options.SnapshotEvery);
        var genesis = LoadGenesis();
        var stored = await _store.GetHeadAsync(ct).ConfigureAwait(false);
        try
        {
            if (stored is null)
            {
                if (genesis is null)
                {
                    throw new SequencerConfigurationException(
                        "genesis", $"the store {describe} is empty and no genesis was given; pass --genesis FILE to create the chain (assay devnet writes one).");
                }

                _chain = await LedgerChain.CreateAsync(_store, genesis, chainOptions, ct).ConfigureAwait(false);
                _log.LogInformation("created chain in {Store}: genesis {Genesis}", describe, _chain.Ledger.GenesisHeader.Hash);
            }
            else
            {
                if (genesis is not null)
                {
                    var expected = SettlementLedger.Create(genesis).GenesisHeader.Hash;
                    var block0 = await _store.GetBlockAsync(0, ct).ConfigureAwait(false);
                    if (block0 is { } b && b.Hash != expected)
                    {
                        throw new SequencerConfigurationException(
                            "genesis", $"the store {describe} holds the chain of genesis {b.Hash}, not of the given genesis ({expected}); use another --data or --store.");
                    }
                }

                _chain = await LedgerChain.OpenAsync(_store, chainOptions, ct).ConfigureAwait(false);
                _log.LogInformation("opened chain in {Store} at height {Height} (restored from snapshot {Snapshot})", describe, _chain.Ledger.Head.Height, _chain.RestoredFromHeight);
            }
        }
        catch (Exception e) when (e is LedgerChainException or GenesisException or CanonicalFormatException or LedgerSnapshotException or BlockStoreException)
        {
            throw new SequencerConfigurationException(e is GenesisException ? "genesis" : "store", e.Message, e);
        }

        await RebuildAsync(ct).ConfigureAwait(false);
        PublishHead();
        Interlocked.CompareExchange(ref _phase, (int)HostPhase.Running, (int)HostPhase.Starting);
    }

    private string StorePath() =>
        _options.StoreConnectionString is { Length: > 0 } file ? file : Path.Combine(_options.DataDirectory, SequencerOptions.SqliteFileName);

    private GenesisConfig? LoadGenesis()
    {
        if (_options.Genesis is { } config)
        {
            return config;
        }

        if (_options.GenesisPath is null)
        {
            return null;
        }

        try
        {
            return GenesisJson.Parse(File.ReadAllText(_options.GenesisPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SequencerConfigurationException("genesis", $"cannot read '{_options.GenesisPath}': {e.Message}", e);
        }
        catch (GenesisException e)
        {
            throw new SequencerConfigurationException("genesis", $"'{_options.GenesisPath}': {e.Message}", e);
        }
    }

    /// <summary>Indexes every stored transaction and rebuilds the events: full events (by re-executing from a snapshot) for the latest <see cref="SequencerOptions.EventReplayBlocks"/> blocks, block and tx events before them.</summary>
    private async Task RebuildAsync(CancellationToken ct)
    {
        var store = _store!;
        var ledger = _chain!.Ledger;
        var head = (long)ledger.Head.Height;
        foreach (var task in ledger.State.Tasks)
        {
            _taskPhases[task.TaskId] = task.Phase;
        }

        SettlementLedger? replay = null;
        var replayFrom = Math.Max(0, head - _options.EventReplayBlocks);
        if (replayFrom < head)
        {
            (replay, replayFrom) = await RestoreForReplayAsync(store, replayFrom, ct).ConfigureAwait(false);
        }

        Events.Reset(0);
        if (head == 0)
        {
            return;
        }

        await foreach (var stored in store.ReadRangeAsync(1, head, ct).ConfigureAwait(false))
        {
            var block = CanonicalEncoding.Decode<Block>(stored.Encoded.Span);
            var height = (long)block.Header.Height;
            NetworkEvent[]? events = null;
            if (replay is not null && height > replayFrom)
            {
                var pre = BlockEventDeriver.Capture(replay.State);
                var replayed = replay.ApplyBlock(block.Header.TimestampUnixMs, block.Transactions);
                if (replayed.Header.Hash == block.Header.Hash)
                {
                    // The re-executed block carries the rejection fields and messages the store does not keep.
                    events = BlockEventDeriver.Derive(pre, replayed, replay.State);
                    block = replayed;
                }
                else
                {
                    _log.LogWarning("event rebuild: block {Height} re-executes to another hash; earlier events only for the rest", height);
                    replay = null;
                }
            }

            Index(block);
            Events.Append(height, events ?? BlockEventDeriver.FromStoredBlock(block));
        }

        _log.LogInformation("indexed {Transactions} transactions of {Blocks} blocks; full events from height {From}", _transactions.Count, head, replay is null ? head + 1 : replayFrom + 1);
    }

    private async Task<(SettlementLedger? Ledger, long From)> RestoreForReplayAsync(IBlockStore store, long atOrBelow, CancellationToken ct)
    {
        var snapshot = atOrBelow == 0 ? null : await store.GetLatestSnapshotAsync(atOrBelow, ct).ConfigureAwait(false);
        try
        {
            if (snapshot is { } s)
            {
                return (LedgerSnapshot.Restore(s.Encoded.Span), s.Height);
            }
        }
        catch (Exception e) when (e is CanonicalFormatException or LedgerSnapshotException)
        {
            _log.LogWarning("event rebuild: snapshot {Height} does not restore ({Message}); using the genesis", snapshot?.Height, e.Message);
        }

        var block0 = await store.GetBlockAsync(0, ct).ConfigureAwait(false);
        return block0 is { } b ? (LedgerSnapshot.Restore(b.Encoded.Span), 0) : (null, 0);
    }

    /// <summary>Adds a block's receipts to the transaction index and its accepted commits and reveals to the per-task index (under the gate).</summary>
    private void Index(Block block)
    {
        var height = (long)block.Header.Height;
        for (var i = 0; i < block.Transactions.Count; i++)
        {
            var tx = block.Transactions[i];
            var outcome = block.Outcomes[i];
            _transactions[tx.Hash] = new TransactionRecord(height, i, TransactionReceipt.From(block.Header, i, outcome));
            if (!outcome.Result.IsAccepted)
            {
                continue;
            }

            switch (tx.Body)
            {
                case CommitBody commit:
                    _taskTransactions[(commit.TaskId, tx.Sender)] = (tx.Hash, _taskTransactions.GetValueOrDefault((commit.TaskId, tx.Sender)).Reveal);
                    break;
                case RevealBody reveal:
                    _taskTransactions[(reveal.TaskId, tx.Sender)] = (_taskTransactions.GetValueOrDefault((reveal.TaskId, tx.Sender)).Commit, tx.Hash);
                    break;
            }
        }
    }

    private void PublishHead()
    {
        var ledger = _chain!.Ledger;
        var phases = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var phase in Enum.GetValues<TaskPhase>())
        {
            phases[ViewText.Of(phase)] = 0;
        }

        foreach (var phase in _taskPhases.Values)
        {
            phases[ViewText.Of(phase)]++;
        }

        _head = new HeadInfo(ledger.Head, ledger.GenesisHeader, phases, ledger.State.OpenTaskIds.Count, ledger.State.Nodes.Count(), ProtocolParametersView.From(ledger.State.Parameters));
    }
}
