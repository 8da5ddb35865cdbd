using System.Diagnostics;
using Assay.Ledger.Blocks;
using Assay.Ledger.Transactions;
using Assay.Ledger.Views;
using Assay.Proofs.Hashing;
using Assay.Sequencer.Admission;
using Assay.Sequencer.Events;

namespace Assay.Sequencer.Production;

internal sealed partial class LedgerHost
{
    /// <summary>The block loop: a block every <see cref="SequencerOptions.BlockIntervalMs"/> while work waits, at least every <see cref="SequencerOptions.IdleBlockIntervalMs"/>, at once when a full block waits, and after <see cref="SequencerOptions.FollowUpBlockDelayMs"/> when the last block left a task step due.</summary>
    /// <remarks>Never throws on bad input: a block that cannot be applied or stored faults the host (health 503) and ends the loop.</remarks>
    public async Task RunAsync(CancellationToken ct)
    {
        var lastBlock = Stopwatch.GetTimestamp();
        while (!ct.IsCancellationRequested && Phase == HostPhase.Running)
        {
            var busy = Mempool.Count > 0 || (_head?.OpenTaskCount ?? 0) > 0;
            var interval = TimeSpan.FromMilliseconds(
                _followUpDue && _options.FollowUpBlockDelayMs > 0 ? _options.FollowUpBlockDelayMs : busy ? _options.BlockIntervalMs : _options.IdleBlockIntervalMs);
            var wait = interval - Stopwatch.GetElapsedTime(lastBlock);
            if (Mempool.Count >= _options.MaxBlockTransactions || wait <= TimeSpan.Zero)
            {
                lastBlock = Stopwatch.GetTimestamp();
                await ProduceBlockAsync(ct).ConfigureAwait(false);
                continue;
            }

            try
            {
                // A wake-up (new transaction) re-evaluates: an idle sequencer then produces after the short interval.
                await Mempool.WaitAsync(wait, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Produces one block now (also used by tests through the loop's timing only).</summary>
    internal async Task ProduceBlockAsync(CancellationToken ct)
    {
        List<MempoolEntry> batch;
        var dropped = new List<MempoolEntry>();
        Block block;
        NetworkEvent[] events;
        try
        {
            await _gate.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            if (Phase != HostPhase.Running)
            {
                return;
            }

            var chain = _chain!;
            var ledger = chain.Ledger;
            var now = _options.ClockUnixMs();
            batch = Mempool.Take(a => ledger.State.GetAccount(a)?.Nonce ?? 0, _options.MaxBlockTransactions, now, _options.NonceGapTimeoutMs, dropped);
            var pre = BlockEventDeriver.Capture(ledger.State);
            var timestamp = Math.Max(now, ledger.Head.TimestampUnixMs);
            var started = Stopwatch.GetTimestamp();
            try
            {
                // Not cancellable: a block half written would only be rolled back by the store, never acknowledged.
                block = await chain.AppendBlockAsync(timestamp, batch.ConvertAll(e => e.Transaction), CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The producer must survive any failure of a block: it faults the host instead of crashing.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Fault(e, batch);
                return;
            }

            Metrics.BlockApply.Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
            events = BlockEventDeriver.Derive(pre, block, ledger.State);
            Index(block);
            _followUpDue = LeavesStepDue(block, ledger.State);
            if (_followUpDue)
            {
                Metrics.CountFollowUp();
            }

            foreach (var e in events)
            {
                if (e.Task is { } t)
                {
                    var id = Hash256.Parse(t.TaskId);
                    _taskPhases[id] = ledger.State.GetTask(id)!.Phase;
                }
            }

            PublishHead();
            Interlocked.Exchange(ref _lastBlockTimestamp, Stopwatch.GetTimestamp());
            Events.Append((long)block.Header.Height, events);
        }
        finally
        {
            _gate.Release();
        }

        Settle(block, batch, dropped, events);
    }

    /// <summary>Whether <paramref name="block"/> submitted a task (allocated at the start of the next block) or brought a task's last due commitment (its reveal window opens at the start of the next block).</summary>
    /// <remarks>Only tasks this block's transactions touched count, so a task that cannot be allocated (no eligible node) asks for one follow-up, not a stream of them.</remarks>
    private static bool LeavesStepDue(Block block, Ledger.State.LedgerState state)
    {
        for (var i = 0; i < block.Transactions.Count; i++)
        {
            if (!block.Outcomes[i].Result.IsAccepted)
            {
                continue;
            }

            var taskId = block.Transactions[i].Body switch
            {
                SubmitTaskBody submit => submit.Spec.TaskId,
                CommitBody commit => commit.TaskId,
                _ => (Hash256?)null,
            };
            if (taskId is { } id && state.GetTask(id) is { } task && StepDueAtNextBlock(task))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Pending (allocation draws at the next block's start), or committing with nobody left to commit (the reveal window opens at the next block's start).</summary>
    private static bool StepDueAtNextBlock(Ledger.State.TaskRecord task) =>
        task.Phase == Ledger.State.TaskPhase.Pending
        || (task.Phase == Ledger.State.TaskPhase.Committing && task.Assignments.Length > 0 && !task.Assignments.Any(a => a.Status == Ledger.State.AssignmentStatus.Assigned));

    private void Settle(Block block, List<MempoolEntry> batch, List<MempoolEntry> dropped, NetworkEvent[] events)
    {
        Metrics.CountBlock();
        var slashes = 0;
        foreach (var e in events)
        {
            if (e.Slash is { } s)
            {
                slashes++;
                _log.LogInformation("slash: node {Node} lost {Amount} ({Reason}, task {Task}) at height {Height}", s.Node, s.Amount, s.Reason, s.TaskId, e.Height);
            }
            else if (e.Task is { } t && t.Phase is "final" or "expired" or "agreed")
            {
                _log.LogInformation("task {Task} {Previous} -> {Phase} at height {Height}", t.TaskId, t.PreviousPhase, t.Phase, e.Height);
            }
        }

        Metrics.CountSlashes(slashes);
        for (var i = 0; i < batch.Count; i++)
        {
            var outcome = block.Outcomes[i];
            Metrics.CountTransaction(outcome.Result.IsAccepted ? TransactionReceipt.Applied : TransactionReceipt.Rejected);
            batch[i].Receipt.TrySetResult(TransactionReceipt.From(block.Header, i, outcome));
        }

        foreach (var entry in dropped)
        {
            Metrics.CountTransaction("dropped");
            entry.Receipt.TrySetResult(new TransactionReceipt(
                entry.Hash.ToString(), TransactionReceipt.Rejected, 0, -1, string.Empty, nameof(RejectionReason.NonceSkipped), "nonce",
                $"nonce {entry.Transaction.Nonce} stayed ahead of the account for {_options.NonceGapTimeoutMs} ms; the transaction was dropped.", false));
        }

        Mempool.Settle(batch);
        if (batch.Count > 0 || dropped.Count > 0)
        {
            _log.LogDebug("block {Height}: {Count} transactions, {Dropped} dropped, root {Root}", block.Header.Height, batch.Count, dropped.Count, block.Header.StateRoot);
        }
    }

    private void Fault(Exception e, List<MempoolEntry> batch)
    {
        _faultDetail = $"block {(_head?.Height ?? -1) + 1}: {e.GetType().Name}: {e.Message}";
        Volatile.Write(ref _phase, (int)HostPhase.Faulted);
        _log.LogError(e, "block production stopped: {Detail}", _faultDetail);
        foreach (var entry in batch)
        {
            entry.Receipt.TrySetException(new SequencerUnavailableException($"the block could not be stored ({_faultDetail}); the transaction was not acknowledged."));
        }

        Mempool.Settle(batch);
        FailWaiting($"the sequencer stopped producing blocks ({_faultDetail}).");
    }
}
