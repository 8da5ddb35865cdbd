using Assay.Compute.Tasks;
using Assay.Ledger.Transactions;
using Assay.Ledger.Views;
using Assay.Node.Persistence;
using Assay.Node.Work;
using Assay.Proofs.Canonical;
using Assay.Proofs.CommitReveal;
using Assay.Proofs.Hashing;

namespace Assay.Node;

/// <summary>The assignment steps: compute, commit, reveal, and the fault modes' deviations from them.</summary>
public sealed partial class NodeWorker
{
    private static readonly TimeSpan SlowPoll = TimeSpan.FromMilliseconds(50);

    /// <summary>Does what the node's assignment to <paramref name="id"/> asks now; idempotent.</summary>
    private async Task ProcessAsync(Hash256 id, CancellationToken ct)
    {
        var pending = Pending(id);
        if (pending is null || pending.Status == PendingTaskStatus.Done)
        {
            return;
        }

        var view = await _client.GetTaskAsync(id, ct).ConfigureAwait(false);
        var me = Address.ToString();
        var a = view?.Assignments.LastOrDefault(x => x.Node == me);
        if (view is null || a is null)
        {
            return;
        }

        switch (a.Status)
        {
            case "assigned":
                if (pending.Status == PendingTaskStatus.Assigned)
                {
                    await CommitAsync(id, view, a, pending, ct).ConfigureAwait(false);
                }

                break;
            case "committed":
                if (a.ChallengeSeed != Hash256.Zero.ToString() && pending.Status != PendingTaskStatus.Revealed && Interlocked.Read(ref _height) <= (long)a.RevealDeadline)
                {
                    await RevealAsync(id, view, a, pending, ct).ConfigureAwait(false);
                }

                break;
            case "revealed":
                if (view.Phase is "final" or "expired")
                {
                    Finish(pending, $"task {id} {view.Phase}; our reveal stands as revealed");
                }

                break;
            default:
                // rewarded, slashed_wrong, failed_verification, missed_commit, missed_reveal, released: settled.
                Finish(pending, $"task {id}: {a.Status} (task {view.Phase})");
                break;
        }

        if (view.Phase is "final" or "expired" && a.Status is "assigned" or "committed")
        {
            Finish(pending, $"task {id} {view.Phase} with our assignment {a.Status}");
        }
    }

    private void Finish(PendingTask pending, string message)
    {
        Update(pending with { Status = PendingTaskStatus.Done });
        _works.TryRemove(Hash256.Parse(pending.TaskId), out _);
        Log(message);
    }

    private async Task CommitAsync(Hash256 id, TaskView view, AssignmentView a, PendingTask pending, CancellationToken ct)
    {
        if (Interlocked.Read(ref _height) > (long)a.CommitDeadline)
        {
            return;
        }

        var spec = await _client.GetSpecAsync(id, ct).ConfigureAwait(false) ?? throw new IOException($"task {id}: the sequencer has no spec");
        var salt = new CommitSalt(Convert.FromHexString(pending.Salt));
        Hash256 root;
        if (_options.Fault == NodeFault.Lazy && await CopiedRevealAsync(view, Hash256.Zero, ct).ConfigureAwait(false) is { } copy)
        {
            root = copy.Result.Root.Digest();
            Log($"task {id}: copying the revealed root {copy.Result.Root.Hash} of another node instead of computing");
        }
        else
        {
            var work = await WorkAsync(spec, salt, ct).ConfigureAwait(false);
            root = work.RootDigest;
        }

        if (_options.Fault == NodeFault.Slow)
        {
            Log($"task {id}: sleeping past the commit deadline (height {a.CommitDeadline})");
            while (Interlocked.Read(ref _height) <= (long)a.CommitDeadline)
            {
                await Task.Delay(SlowPoll, ct).ConfigureAwait(false);
            }
        }

        var commitment = Commitment.Create(id, Address, root, salt);
        var receipt = await SendAsync(new CommitBody(id, commitment), ct).ConfigureAwait(false);
        if (receipt.IsApplied)
        {
            Update(pending with { Status = PendingTaskStatus.Committed, CommittedRoot = root.ToString() });
            Log($"task {id}: committed at height {receipt.Height}");
        }
        else
        {
            Log($"task {id}: commit rejected: {receipt.Reason}: {receipt.Message}");
            if (receipt.Reason is nameof(RejectionReason.PastDeadline) or nameof(RejectionReason.WrongPhase) or nameof(RejectionReason.NotAssigned))
            {
                Finish(pending, $"task {id}: giving up the assignment");
            }
        }
    }

    private async Task RevealAsync(Hash256 id, TaskView view, AssignmentView a, PendingTask pending, CancellationToken ct)
    {
        if (_options.Fault == NodeFault.NoReveal)
        {
            Finish(pending, $"task {id}: the reveal is open; not revealing");
            return;
        }

        var seed = Hash256.Parse(a.ChallengeSeed);
        var committed = pending.CommittedRoot.Length == 0 ? Hash256.Zero : Hash256.Parse(pending.CommittedRoot);
        var salt = new CommitSalt(Convert.FromHexString(pending.Salt));
        RevealBody body;
        if (_options.Fault == NodeFault.Lazy && await CopiedRevealAsync(view, committed, ct).ConfigureAwait(false) is { } copy)
        {
            var r = copy.Result;
            var mine = new TaskResult(r.TaskId, r.EngineVersion, r.ItemCount, r.Root, r.Aggregate, Address.ToArray(), []);
            body = new RevealBody(id, mine, salt, copy.Proof);
            Log($"task {id}: revealing the copied result with the other node's proof");
        }
        else
        {
            var spec = await _client.GetSpecAsync(id, ct).ConfigureAwait(false) ?? throw new IOException($"task {id}: the sequencer has no spec");
            var work = await WorkAsync(spec, salt, ct).ConfigureAwait(false);
            if (committed != Hash256.Zero && work.RootDigest != committed)
            {
                Log($"task {id}: the recomputed root {work.RootDigest} is not the committed {committed}; revealing it anyway");
            }

            body = await Task.Run(() => work.RevealBody(seed), ct).ConfigureAwait(false);
        }

        var receipt = await SendAsync(body, ct).ConfigureAwait(false);
        if (receipt.IsApplied)
        {
            Update(pending with { Status = PendingTaskStatus.Revealed });
            Log($"task {id}: revealed at height {receipt.Height}{(receipt.Faulted ? " (the proof failed verification: faulted)" : string.Empty)}");
        }
        else
        {
            Log($"task {id}: reveal rejected: {receipt.Reason}: {receipt.Message}");
        }
    }

    /// <summary>The node's work for <paramref name="spec"/>: from memory, or computed now with every core (a restarted node recomputes here).</summary>
    private async Task<TaskWork> WorkAsync(TaskSpec spec, CommitSalt salt, CancellationToken ct)
    {
        if (_works.TryGetValue(spec.TaskId, out var cached) && cached.Salt == salt)
        {
            return cached;
        }

        var falsify = _options.Fault is NodeFault.WrongResult or NodeFault.Lazy;
        var started = DateTime.UtcNow;
        var work = await Task.Run(() => TaskWork.Compute(spec, Address, salt, falsify, _options.Cores), ct).ConfigureAwait(false);
        _works[spec.TaskId] = work;
        Log($"task {spec.TaskId}: computed {spec.ItemCount} leaves in {(DateTime.UtcNow - started).TotalMilliseconds:F0} ms{(falsify ? $", leaf {TaskWork.FalsifiedLeaf(work.Spec)} falsified" : string.Empty)}");
        return work;
    }

    /// <summary>Lazy fault: another node's accepted reveal on this task (with root digest <paramref name="root"/> unless zero), or null.</summary>
    private async Task<RevealBody?> CopiedRevealAsync(TaskView view, Hash256 root, CancellationToken ct)
    {
        var me = Address.ToString();
        foreach (var other in view.Assignments)
        {
            if (other.Node == me || other.RevealTx is null || other.RevealedRoot == Hash256.Zero.ToString()
                || (root != Hash256.Zero && other.RevealedRoot != root.ToString()))
            {
                continue;
            }

            if (await RevealOfAsync(other, ct).ConfigureAwait(false) is { } reveal)
            {
                return reveal;
            }
        }

        return null;
    }

    /// <summary>The reveal transaction body of <paramref name="a"/>, fetched by its hash, or null.</summary>
    private async Task<RevealBody?> RevealOfAsync(AssignmentView a, CancellationToken ct)
    {
        if (a.RevealTx is null)
        {
            return null;
        }

        var tx = await _client.GetTransactionAsync(Hash256.Parse(a.RevealTx), ct).ConfigureAwait(false);
        if (tx is null)
        {
            return null;
        }

        try
        {
            return CanonicalEncoding.Decode<SignedTransaction>(Convert.FromHexString(tx.Hex)).Body as RevealBody;
        }
        catch (Exception e) when (e is FormatException or CanonicalFormatException)
        {
            Log($"transaction {a.RevealTx}: does not decode: {e.Message}");
            return null;
        }
    }
}
