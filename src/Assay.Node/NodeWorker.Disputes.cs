using System.Collections.Concurrent;
using Assay.Client;
using Assay.Compute.Tasks;
using Assay.Ledger.Disputes;
using Assay.Ledger.Views;
using Assay.Node.Disputes;
using Assay.Node.Persistence;
using Assay.Node.Work;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;

namespace Assay.Node;

/// <summary>Dispute play, for both sides: a defender answers with the children of its own tree's node, the watcher that challenged answers with its recomputed tree's, each on its turn, once per step.</summary>
/// <remarks>
/// The ledger's dispute record is the only state: the node moves when the record says it is its side's turn
/// (<c>mover</c>) at the record's <c>step</c>, sends that step at most once per process (a rejected send is retried on the
/// next poll), and after a restart derives everything again from the record and a tree rebuilt from the spec. The rules
/// are in docs/ledger.md, "Disputes"; the play in docs/node.md.
/// </remarks>
public sealed partial class NodeWorker
{
    /// <summary>Largest task list asked for when a restarted watcher looks for its disputes (the API's limit).</summary>
    private const int QueryLimit = 1_000;

    private readonly ConcurrentDictionary<Hash256, bool> _disputes = new();
    private readonly ConcurrentDictionary<Hash256, bool> _disputeDirty = new();
    private readonly ConcurrentDictionary<Hash256, bool> _disputeRunning = new();
    private readonly ConcurrentDictionary<(Hash256 Dispute, ulong Step, DisputeParty Side), bool> _moves = new();
    private readonly ConcurrentDictionary<(Hash256 Task, DisputeParty Side), DisputeTree> _disputeTrees = new();

    /// <summary>Remembers a dispute this node may have to play and examines it now.</summary>
    private void TrackDispute(Hash256 disputeId)
    {
        _disputes.TryAdd(disputeId, true);
        ScheduleDispute(disputeId);
    }

    /// <summary>After a restart: finds the open disputes on the tasks this node revealed and is still following, and (a watcher) those it opened on agreed tasks.</summary>
    private async Task ResumeDisputesAsync(CancellationToken ct)
    {
        List<string> revealed;
        lock (_stateLock)
        {
            revealed = [.. _state.Tasks.Values.Where(t => t.Status == PendingTaskStatus.Revealed).Select(t => t.TaskId)];
        }

        if (_options.Watcher)
        {
            try
            {
                // Only an agreed task can have an open dispute; its challenger is in the record.
                var open = await _client.ListTasksAsync("open", QueryLimit, ct).ConfigureAwait(false);
                revealed.AddRange(open.Where(t => t.Phase == "agreed").Select(t => t.TaskId).Except(revealed));
            }
            catch (Exception e) when (e is HttpRequestException or IOException or AssayApiException or OperationCanceledException && !ct.IsCancellationRequested)
            {
                Log($"open tasks not readable ({e.Message}); disputes of this watcher are found again by their events only");
            }
        }

        foreach (var task in revealed)
        {
            try
            {
                foreach (var d in await _client.GetTaskDisputesAsync(Hash256.Parse(task), ct).ConfigureAwait(false) ?? [])
                {
                    if (d.IsOpen && (d.Challenger == Address.ToString() || IsTracked(Hash256.Parse(task))))
                    {
                        Log($"dispute {d.DisputeId} on task {task}: open ({d.Mover} to move at step {d.Step}); resuming");
                        TrackDispute(Hash256.Parse(d.DisputeId));
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException or AssayApiException or OperationCanceledException && !ct.IsCancellationRequested)
            {
                Log($"task {task}: disputes not readable ({e.Message}); the events and the poll will bring them");
            }
        }
    }

    /// <summary>Runs <c>PlayAsync</c> for <paramref name="disputeId"/> on the thread pool, at most once at a time, again if asked meanwhile.</summary>
    private void ScheduleDispute(Hash256 disputeId)
    {
        _disputeDirty[disputeId] = true;
        if (!_disputeRunning.TryAdd(disputeId, true))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            while (true)
            {
                while (_disputeDirty.TryRemove(disputeId, out _))
                {
                    try
                    {
                        await PlayAsync(disputeId, _stopping).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
                    {
                        return;
                    }
                    catch (Exception e) when (e is HttpRequestException or IOException or AssayApiException or TaskSpecException or NodeStateException or FormatException or OperationCanceledException)
                    {
                        Log($"dispute {disputeId}: {e.GetType().Name}: {e.Message} (will retry)");
                    }
                }

                _disputeRunning.TryRemove(disputeId, out _);
                if (!_disputeDirty.ContainsKey(disputeId) || !_disputeRunning.TryAdd(disputeId, true))
                {
                    return;
                }
            }
        });
    }

    /// <summary>Reads the dispute and, when it is this node's side's turn, sends its step (once); logs the outcome when it ended.</summary>
    private async Task PlayAsync(Hash256 disputeId, CancellationToken ct)
    {
        var view = await _client.GetDisputeAsync(disputeId, ct).ConfigureAwait(false);
        if (view is null)
        {
            return;
        }

        var taskId = Hash256.Parse(view.TaskId);
        var me = Address.ToString();
        if (!view.IsOpen)
        {
            // A decided dispute needs its trees no more (another open dispute on the task rebuilds them if it must).
            _disputeTrees.TryRemove((taskId, DisputeParty.Defender), out _);
            _disputeTrees.TryRemove((taskId, DisputeParty.Challenger), out _);
            if (_disputes.TryRemove(disputeId, out _))
            {
                var side = view.Challenger == me ? "challenger" : "defender";
                Log($"dispute {disputeId} on task {taskId}: {view.Status}{(view.TimedOut ? " (by timeout)" : $" at the leaf {view.RangeStart}")}; we were the {side}");
            }

            return;
        }

        DisputeParty role;
        if (view.Challenger == me)
        {
            role = DisputeParty.Challenger;
        }
        else
        {
            var task = await _client.GetTaskAsync(taskId, ct).ConfigureAwait(false);
            var mine = task?.Assignments.LastOrDefault(a => a.Node == me);
            if (task is null || mine is null || task.Phase != "agreed" || mine.Status != "revealed" || mine.RevealedRoot != task.AgreedRoot)
            {
                // Not a party (another root, or not assigned): nothing to play.
                _disputes.TryRemove(disputeId, out _);
                return;
            }

            role = DisputeParty.Defender;
        }

        var turn = view.Mover == DisputeView.DefenderMover ? DisputeParty.Defender : DisputeParty.Challenger;
        if (turn != role || Interlocked.Read(ref _height) > (long)view.DeadlineHeight || !_moves.TryAdd((disputeId, view.Step, role), true))
        {
            return;
        }

        var sent = false;
        try
        {
            var tree = await DisputeTreeAsync(taskId, role, ct).ConfigureAwait(false);
            var own = role == DisputeParty.Defender ? view.Defended.ToNode() : view.Claimed.ToNode();
            var move = tree.Move(disputeId, view.Step, view.RangeStart, view.RangeLength, own);
            if (move is null)
            {
                Log($"dispute {disputeId}: our tree's node over leaves [{view.RangeStart}, +{view.RangeLength}) is not the {view.Mover}'s {own.Hash}; not moving");
                sent = true;
                return;
            }

            var receipt = await SendAsync(move, ct).ConfigureAwait(false);
            sent = receipt.IsApplied;
            Log($"dispute {disputeId}: {view.Mover} step {view.Step} over leaves [{view.RangeStart}, +{view.RangeLength}): left {move.Left.Hash}, right {move.Right.Hash}: "
                + (receipt.IsApplied ? $"applied at height {receipt.Height}" : $"rejected: {receipt.Reason}: {receipt.Message}"));
        }
        finally
        {
            if (!sent)
            {
                // Retried on the next poll if it is still this side's turn at this step.
                _moves.TryRemove((disputeId, view.Step, role), out _);
            }
        }
    }

    /// <summary>The tree this node plays for <paramref name="role"/> on <paramref name="taskId"/>: the defender's own work (falsified under a wrong-result fault), the challenger's honest recomputation; rebuilt from the spec when not in memory.</summary>
    private async Task<DisputeTree> DisputeTreeAsync(Hash256 taskId, DisputeParty role, CancellationToken ct)
    {
        if (_disputeTrees.TryGetValue((taskId, role), out var cached))
        {
            return cached;
        }

        var spec = await _client.GetSpecAsync(taskId, ct).ConfigureAwait(false) ?? throw new IOException($"task {taskId}: the sequencer has no spec");
        MerkleSumTree source;
        if (role == DisputeParty.Defender)
        {
            var pending = Pending(taskId);
            var salt = pending is null ? TaskWork.NewSalt() : new Proofs.CommitReveal.CommitSalt(Convert.FromHexString(pending.Salt));
            var work = await WorkAsync(spec, salt, ct).ConfigureAwait(false);
            source = work.Run.Tree;
        }
        else
        {
            var run = await Task.Run(() => TaskRunner.Run(spec, Address.ToArray(), maxDegreeOfParallelism: _options.Cores), ct).ConfigureAwait(false);
            source = run.Tree;
        }

        var tree = await Task.Run(() => DisputeTree.Build(source), ct).ConfigureAwait(false);
        Log($"task {taskId}: dispute tree of {tree.LeafCount} leaves ready ({(role == DisputeParty.Defender ? "our result" : "our recomputation")}, root {tree.Root.Hash})");
        return _disputeTrees.GetOrAdd((taskId, role), tree);
    }
}
