using Assay.Ledger.Blocks;
using Assay.Ledger.Disputes;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Ledger.Views;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Sequencer.Events;

/// <summary>Derives a block's events by comparing the task and node records before and after it.</summary>
/// <remarks>
/// The ledger emits no events, so the producer captures the records of every open task and every node before a block
/// (<see cref="Capture"/>) and compares them afterwards (<see cref="Derive"/>). The order within a block is
/// <c>block</c>, then each <c>tx</c>, then <c>assignment</c>, <c>task</c>, <c>dispute</c> and <c>slash</c> events, tasks and
/// disputes in ascending id order and nodes in ascending address order, so the same block always gives the same events.
/// </remarks>
internal static class BlockEventDeriver
{
    /// <summary>The records a block may change that events are derived from.</summary>
    internal sealed record PreBlock(Dictionary<Hash256, TaskRecord> OpenTasks, Dictionary<Address, NodeRecord> Nodes, Dictionary<Hash256, DisputeRecord> OpenDisputes);

    public static PreBlock Capture(LedgerState state)
    {
        var tasks = new Dictionary<Hash256, TaskRecord>(state.OpenTaskIds.Count);
        foreach (var id in state.OpenTaskIds)
        {
            tasks[id] = state.GetTask(id)!;
        }

        var nodes = new Dictionary<Address, NodeRecord>();
        foreach (var (address, node) in state.Nodes)
        {
            nodes[address] = node;
        }

        var disputes = new Dictionary<Hash256, DisputeRecord>(state.OpenDisputeIds.Count);
        foreach (var id in state.OpenDisputeIds)
        {
            disputes[id] = state.GetDispute(id)!;
        }

        return new PreBlock(tasks, nodes, disputes);
    }

    /// <summary>The events of <paramref name="block"/>, applied to a state that was <paramref name="pre"/> before it.</summary>
    public static NetworkEvent[] Derive(PreBlock pre, Block block, LedgerState state)
    {
        var header = block.Header;
        var height = (long)header.Height;
        var events = new List<NetworkEvent>(1 + block.Transactions.Count)
        {
            new(NetworkEvent.BlockType, height, Block: new BlockEvent(height, header.Hash.ToString(), header.TimestampUnixMs, block.Transactions.Count, header.StateRoot.ToString())),
        };
        var touched = new SortedSet<Hash256>(pre.OpenTasks.Keys, ByteOrder.Instance);
        var disputes = new SortedSet<Hash256>(pre.OpenDisputes.Keys, ByteOrder.Instance);
        for (var i = 0; i < block.Transactions.Count; i++)
        {
            var tx = block.Transactions[i];
            var outcome = block.Outcomes[i];
            events.Add(new NetworkEvent(NetworkEvent.TxType, height, Tx: new TxEvent(
                tx.Hash.ToString(), tx.Sender.ToString(), tx.Nonce, tx.Body.Kind.ToString(),
                outcome.Result.IsAccepted ? TransactionReceipt.Applied : TransactionReceipt.Rejected,
                outcome.Result.IsAccepted ? null : outcome.Result.Reason.ToString())));
            if (outcome.Result.IsAccepted && tx.Body is SubmitTaskBody submit)
            {
                touched.Add(submit.Spec.TaskId);
            }

            if (outcome.Result.IsAccepted && tx.Body is ChallengeBody challenge)
            {
                // Opened (and, for a one-leaf task, decided) by this transaction.
                disputes.Add(DisputeRules.DisputeId(challenge.TaskId, tx.Sender, header.Height));
            }
        }

        foreach (var id in state.OpenTaskIds)
        {
            touched.Add(id);
        }

        var phases = new List<NetworkEvent>();
        var slashCause = new Dictionary<Address, (string Reason, Hash256 Task)>();
        foreach (var id in touched)
        {
            var after = state.GetTask(id);
            if (after is null)
            {
                continue;
            }

            var before = pre.OpenTasks.GetValueOrDefault(id);
            var taskId = id.ToString();
            for (var k = 0; k < after.Assignments.Length; k++)
            {
                var a = after.Assignments[k];
                var isNew = before is null || k >= before.Assignments.Length;
                var revealOpened = !isNew && before!.Assignments[k].ChallengeSeed == Hash256.Zero && a.ChallengeSeed != Hash256.Zero;
                if (isNew || revealOpened)
                {
                    var round = isNew && before is not null && before.Phase != TaskPhase.Pending ? after.Replacements : 0u;
                    events.Add(new NetworkEvent(NetworkEvent.AssignmentType, height, Assignment: new AssignmentEvent(
                        taskId, a.Node.ToString(), round, a.CommitDeadlineHeight, a.RevealDeadlineHeight)));
                }

                var wasStatus = isNew ? AssignmentStatus.Assigned : before!.Assignments[k].Status;
                if (a.Status != wasStatus && a.Status is AssignmentStatus.FailedVerification or AssignmentStatus.MissedCommit or AssignmentStatus.MissedReveal or AssignmentStatus.SlashedWrong)
                {
                    slashCause[a.Node] = (ViewText.Of(a.Status), id);
                }
            }

            if (before is null || before.Phase != after.Phase)
            {
                phases.Add(new NetworkEvent(NetworkEvent.TaskType, height, Task: new TaskEvent(
                    taskId, ViewText.Of(after.Phase), before is null ? "none" : ViewText.Of(before.Phase))));
            }
        }

        events.AddRange(phases);
        foreach (var id in state.OpenDisputeIds)
        {
            disputes.Add(id);
        }

        foreach (var id in disputes)
        {
            if (state.GetDispute(id) is not { } after)
            {
                continue;
            }

            var before = pre.OpenDisputes.GetValueOrDefault(id);
            if (before is null || before.Status != after.Status || before.Mover != after.Mover || before.Step != after.Step)
            {
                events.Add(new NetworkEvent(NetworkEvent.DisputeType, height, Dispute: new DisputeEvent(
                    id.ToString(), after.TaskId.ToString(), after.Challenger.ToString(), ViewText.Of(after.Status),
                    before is null ? "none" : ViewText.Of(before.Status), ViewText.Of(after.Mover), after.Step, after.DeadlineHeight, after.TimedOut)));
            }
        }

        foreach (var (address, node) in state.Nodes)
        {
            if (!pre.Nodes.TryGetValue(address, out var old) || node.TotalFaults <= old.TotalFaults)
            {
                continue;
            }

            // Stake plus unbonding entries, less the entries released (paid out) in this block, is what the fault took.
            var released = 0UL;
            foreach (var entry in old.Unbonding)
            {
                if (entry.ReleaseHeight <= header.Height && !node.Unbonding.Contains(entry))
                {
                    released += entry.AmountMinorUnits;
                }
            }

            var lost = old.SlashableMinorUnits > node.SlashableMinorUnits ? old.SlashableMinorUnits - node.SlashableMinorUnits : UInt128.Zero;
            var amount = lost > released ? (ulong)(lost - released) : 0UL;
            var cause = slashCause.TryGetValue(address, out var c) ? c : ("fault", Hash256.Zero);
            events.Add(new NetworkEvent(NetworkEvent.SlashType, height, Slash: new SlashEvent(
                address.ToString(), amount, cause.Item1, cause.Item2 == Hash256.Zero ? null : cause.Item2.ToString())));
        }

        return [.. events];
    }

    /// <summary>The block and tx events of a stored block (what is known without re-executing it).</summary>
    public static NetworkEvent[] FromStoredBlock(Block block)
    {
        var header = block.Header;
        var height = (long)header.Height;
        var events = new NetworkEvent[1 + block.Transactions.Count];
        events[0] = new NetworkEvent(NetworkEvent.BlockType, height, Block: new BlockEvent(height, header.Hash.ToString(), header.TimestampUnixMs, block.Transactions.Count, header.StateRoot.ToString()));
        for (var i = 0; i < block.Transactions.Count; i++)
        {
            var tx = block.Transactions[i];
            var outcome = block.Outcomes[i];
            events[i + 1] = new NetworkEvent(NetworkEvent.TxType, height, Tx: new TxEvent(
                tx.Hash.ToString(), tx.Sender.ToString(), tx.Nonce, tx.Body.Kind.ToString(),
                outcome.Result.IsAccepted ? TransactionReceipt.Applied : TransactionReceipt.Rejected,
                outcome.Result.IsAccepted ? null : outcome.Result.Reason.ToString()));
        }

        return events;
    }
}
