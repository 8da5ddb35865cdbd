using System.Buffers.Binary;
using System.Collections.Immutable;
using Assay.Compute.Tasks;
using Assay.Ledger.Governance;
using Assay.Ledger.State;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.Protocol;

/// <summary>Block duties run before the block's transactions: releases, deadlines, allocation, reassignment, finality, expiry, and faults.</summary>
internal sealed partial class StateMachine
{
    /// <summary>Domain tag of an allocation draw.</summary>
    public const string AllocationTag = "assay/ledger-allocation/v1";

    /// <summary>Starts block <paramref name="height"/>: records the chain data, then runs every due protocol step in a fixed order.</summary>
    /// <param name="height">Height of the block being applied.</param>
    /// <param name="timestampUnixMs">Its timestamp.</param>
    /// <param name="parentHash">The parent block's hash.</param>
    /// <param name="parentBeacon">The parent block's beacon output: the randomness for allocation and challenge seeds drawn in this block.</param>
    public void BeginBlock(ulong height, long timestampUnixMs, Hash256 parentHash, Hash256 parentBeacon)
    {
        Height = height;
        TimestampUnixMs = timestampUnixMs;
        _state.Begin();
        _state.SetChain(_state.Chain with { Height = height, TimestampUnixMs = timestampUnixMs, LastBlockHash = parentHash, LastBeacon = parentBeacon });
        GovernanceRules.ApplyPending(_state);
        ReleaseUnbonded();
        ResolveDisputeTimeouts();

        // Any new parameters object (a governance change in force from this block) may move eligibility or budgets.
        var parametersChanged = !ReferenceEquals(_parametersSeen, _state.Parameters);
        _parametersSeen = _state.Parameters;
        StepTasks(parentBeacon, FullScan || !_scheduleBuilt || parametersChanged);
        _state.Commit();
    }

    /// <summary>Runs <see cref="Step"/> for every open task whose step could change something, in ascending id order, and reschedules each.</summary>
    /// <remarks>
    /// A task's step changes nothing unless one of these holds, so only these tasks are stepped: a deadline height has
    /// come (commit or reveal deadline + 1, finality, or every block while an agreed task past finality waits for a
    /// dispute); the block time has passed its deadline; its record was written since it was last stepped (by a
    /// transaction or a dispute duty); or it waits for nodes and a node record changed (allocation may find a candidate).
    /// A full scan (the first block after create or resume, a parameter change, or <see cref="FullScan"/>) steps every
    /// open task, as the ledger did before the index; both give the same state.
    /// </remarks>
    private void StepTasks(Hash256 beacon, bool fullScan)
    {
        var work = new SortedSet<Hash256>(ByteOrder.Instance);
        var written = _state.WrittenTaskIds;
        if (fullScan)
        {
            work.UnionWith(_state.OpenTaskIds);
            _scheduleBuilt = true;
        }
        else
        {
            _schedule.CollectDue(Height, TimestampUnixMs, work);
            work.UnionWith(written);
            if (_rescanWaiting || _state.NodeWriteCount != _nodeWritesSeen)
            {
                work.UnionWith(_schedule.Waiting);
            }
        }

        var nodeWrites = _state.NodeWriteCount;
        var nodesChangedDuringSteps = false;
        TasksStepped = 0;
        while (work.Count > 0)
        {
            var id = work.Min;
            work.Remove(id);
            var task = _state.GetTask(id);
            if (task is null || !task.IsOpen)
            {
                _schedule.Remove(id);
                continue;
            }

            Step(task, beacon);
            TasksStepped++;
            Reschedule(id);
            if (_state.NodeWriteCount != nodeWrites)
            {
                // A fault or reward changed a node: a waiting task later in this block may now find a candidate.
                nodeWrites = _state.NodeWriteCount;
                nodesChangedDuringSteps = true;
                foreach (var waiting in _schedule.Waiting)
                {
                    if (ByteOrder.Instance.Compare(waiting, id) > 0)
                    {
                        work.Add(waiting);
                    }
                }
            }
        }

        // Every task written so far was stepped after its write (steps write only their own task), and waiting tasks
        // stepped before a node changed in this block are looked at again in the next one.
        written.Clear();
        _rescanWaiting = nodesChangedDuringSteps;
        _nodeWritesSeen = _state.NodeWriteCount;
    }

    /// <summary>Puts task <paramref name="id"/> in the deadline index at the next height and time its step can change it.</summary>
    private void Reschedule(Hash256 id)
    {
        var task = _state.GetTask(id)!;
        if (!task.IsOpen)
        {
            _schedule.Remove(id);
            return;
        }

        var due = ulong.MaxValue;
        if (task.Phase == TaskPhase.Agreed)
        {
            // Past finality only while a dispute holds it: look again every block.
            due = Height >= task.FinalityHeight ? Height + 1 : task.FinalityHeight;
            foreach (var a in task.Assignments)
            {
                if (a.Status == AssignmentStatus.Committed && a.ChallengeSeed != Seedless)
                {
                    due = Math.Min(due, a.RevealDeadlineHeight + 1);
                }
            }

            _schedule.Set(id, due, null, false);
            return;
        }

        var live = 0;
        foreach (var a in task.Assignments)
        {
            switch (a.Status)
            {
                case AssignmentStatus.Assigned:
                    due = Math.Min(due, a.CommitDeadlineHeight + 1);
                    live++;
                    break;
                case AssignmentStatus.Committed:
                    if (a.ChallengeSeed != Seedless)
                    {
                        due = Math.Min(due, a.RevealDeadlineHeight + 1);
                    }

                    live++;
                    break;
                case AssignmentStatus.Revealed:
                    live++;
                    break;
            }
        }

        var spec = _state.GetSpec(id)!;
        var wanted = spec.Policy.Replication - live;
        if (wanted > 0 && task.Phase != TaskPhase.Pending)
        {
            wanted = (int)Math.Min((uint)wanted, Parameters.MaxReplacementsPerTask - Math.Min(task.Replacements, Parameters.MaxReplacementsPerTask));
        }

        _schedule.Set(id, due == ulong.MaxValue ? null : Math.Max(due, Height + 1), spec.DeadlineUnixMs, wanted > 0);
    }

    private void ReleaseUnbonded()
    {
        foreach (var address in _state.UnbondingNodes.ToArray())
        {
            var node = _state.GetNode(address)!;
            ulong released = 0;
            var kept = ImmutableArray.CreateBuilder<UnbondingEntry>();
            foreach (var entry in node.Unbonding)
            {
                if (entry.ReleaseHeight <= Height)
                {
                    released += entry.AmountMinorUnits;
                }
                else
                {
                    kept.Add(entry);
                }
            }

            if (released > 0)
            {
                _state.SetNode(address, node with { Unbonding = kept.ToImmutable() });
                CreditSystem(address, released);
            }
        }
    }

    private void Step(TaskRecord task, Hash256 beacon)
    {
        var spec = _state.GetSpec(task.TaskId)!;
        if (task.Phase == TaskPhase.Agreed)
        {
            var checkedTask = FaultMissedReveals(task);
            if (Height >= checkedTask.FinalityHeight && !HasOpenDispute(task.TaskId))
            {
                Finalize(checkedTask, spec);
            }
            else if (!checkedTask.Equals(task))
            {
                _state.SetTask(checkedTask);
            }

            return;
        }

        if (TimestampUnixMs > spec.DeadlineUnixMs)
        {
            Expire(task);
            return;
        }

        // Missed deadlines: fault and free the slot.
        var assignments = task.Assignments.ToBuilder();
        for (var i = 0; i < assignments.Count; i++)
        {
            var a = assignments[i];
            if (a.Status == AssignmentStatus.Assigned && Height > a.CommitDeadlineHeight)
            {
                assignments[i] = a with { Status = AssignmentStatus.MissedCommit };
                Fault(a.Node, Parameters.SlashMissedCommitBps);
            }
            else if (a.Status == AssignmentStatus.Committed && a.ChallengeSeed != Seedless && Height > a.RevealDeadlineHeight)
            {
                assignments[i] = a with { Status = AssignmentStatus.MissedReveal };
                Fault(a.Node, Parameters.SlashMissedRevealBps);
            }
        }

        // Top up to the replication factor: the first draw is the allocation, later draws are replacements.
        var live = assignments.Count(a => a.Status is AssignmentStatus.Assigned or AssignmentStatus.Committed or AssignmentStatus.Revealed);
        var wanted = spec.Policy.Replication - live;
        var replacements = task.Replacements;
        if (wanted > 0)
        {
            if (task.Phase != TaskPhase.Pending)
            {
                wanted = (int)Math.Min((uint)wanted, Parameters.MaxReplacementsPerTask - Math.Min(replacements, Parameters.MaxReplacementsPerTask));
            }

            var drawn = Allocate(task.TaskId, spec, assignments, wanted, beacon);
            foreach (var node in drawn)
            {
                assignments.Add(new Assignment(node, AssignmentStatus.Assigned, Height, Height + Parameters.CommitWindowBlocks - 1, Seedless, 0, Seedless, Seedless, 0.0, 0.0));
            }

            if (task.Phase != TaskPhase.Pending)
            {
                replacements += (uint)drawn.Count;
            }
        }

        // Open the reveal window for committed assignments once nobody is still due to commit; the seed is the
        // parent's beacon, which did not exist when any of these commitments was made.
        var phase = TaskPhase.Committing;
        if (!assignments.Any(a => a.Status == AssignmentStatus.Assigned) && assignments.Count > 0)
        {
            phase = TaskPhase.Revealing;
            for (var i = 0; i < assignments.Count; i++)
            {
                if (assignments[i].Status == AssignmentStatus.Committed && assignments[i].ChallengeSeed == Seedless)
                {
                    assignments[i] = assignments[i] with { ChallengeSeed = beacon, RevealDeadlineHeight = Height + Parameters.RevealWindowBlocks - 1 };
                }
            }
        }

        // Write only when something changed, so a block costs in proportion to the tasks that moved.
        var next = task with { Phase = phase, Replacements = replacements, Assignments = assignments.ToImmutable() };
        if (!next.Equals(task))
        {
            _state.SetTask(next);
        }
    }

    private TaskRecord FaultMissedReveals(TaskRecord task)
    {
        var assignments = task.Assignments.ToBuilder();
        for (var i = 0; i < assignments.Count; i++)
        {
            var a = assignments[i];
            if (a.Status == AssignmentStatus.Committed && a.ChallengeSeed != Seedless && Height > a.RevealDeadlineHeight)
            {
                assignments[i] = a with { Status = AssignmentStatus.MissedReveal };
                Fault(a.Node, Parameters.SlashMissedRevealBps);
            }
        }

        return task with { Assignments = assignments.ToImmutable() };
    }

    private List<Address> Allocate(Hash256 taskId, TaskSpec spec, IReadOnlyList<Assignment> existing, int count, Hash256 beacon)
    {
        var capability = TaskRules.RequiredCapability(spec.Kind);
        var candidates = new List<(Address Node, UInt128 Weight)>();
        foreach (var (address, node) in _state.Nodes)
        {
            if (node.Status == NodeStatus.Active && node.StakeMinorUnits >= Parameters.MinStakeMinorUnits && node.Reputation > 0
                && node.Capabilities.Has(capability) && !existing.Any(a => a.Node == address))
            {
                candidates.Add((address, (UInt128)node.StakeMinorUnits * node.Reputation));
            }
        }

        var drawn = new List<Address>();
        Span<byte> preimage = stackalloc byte[2 * Hash256.Length + 4];
        Span<byte> digest = stackalloc byte[Hash256.Length];
        beacon.WriteTo(preimage);
        taskId.WriteTo(preimage[Hash256.Length..]);
        while (drawn.Count < count && candidates.Count > 0)
        {
            UInt128 total = 0;
            foreach (var c in candidates)
            {
                total += c.Weight;
            }

            BinaryPrimitives.WriteUInt32LittleEndian(preimage[(2 * Hash256.Length)..], (uint)(existing.Count + drawn.Count));
            DomainHash.Compute(AllocationTag, preimage).WriteTo(digest);
            var point = BinaryPrimitives.ReadUInt128LittleEndian(digest) % total;
            var pick = 0;
            while (point >= candidates[pick].Weight)
            {
                point -= candidates[pick].Weight;
                pick++;
            }

            drawn.Add(candidates[pick].Node);
            candidates.RemoveAt(pick);
        }

        return drawn;
    }

    private void Finalize(TaskRecord task, TaskSpec spec)
    {
        var agreeing = TaskRules.IsToleranceTask(spec)
            ? Agreeing(task, spec) ?? throw new InvalidOperationException($"Invariant broken: agreed task {task.TaskId} has no quorum.")
            : Enumerable.Range(0, task.Assignments.Length)
                .Where(i => task.Assignments[i].Status == AssignmentStatus.Revealed && task.Assignments[i].RevealedRoot == task.AgreedRoot).ToList();
        var pool = (ulong)((UInt128)task.EscrowMinorUnits * Parameters.RewardNodeShareBps / ProtocolParameters.BasisPoints);
        var share = pool / (ulong)agreeing.Count;
        var assignments = task.Assignments.ToBuilder();
        for (var i = 0; i < assignments.Count; i++)
        {
            var a = assignments[i];
            if (agreeing.Contains(i))
            {
                assignments[i] = a with { Status = AssignmentStatus.Rewarded };
                CreditSystem(a.Node, share);
                Reward(a.Node);
            }
            else if (a.Status == AssignmentStatus.Revealed)
            {
                // Verified against its own tree, but a different root (or outside the tolerance band) from the quorum.
                assignments[i] = a with { Status = AssignmentStatus.SlashedWrong };
                Fault(a.Node, Parameters.SlashWrongRevealBps);
            }
        }

        var dust = task.EscrowMinorUnits - (share * (ulong)agreeing.Count);
        _state.SetChain(_state.Chain with { InsuranceMinorUnits = _state.Chain.InsuranceMinorUnits + dust });
        _state.SetTask(task with { Phase = TaskPhase.Final, EscrowMinorUnits = 0, Assignments = assignments.ToImmutable() });
    }

    private void Expire(TaskRecord task)
    {
        var assignments = task.Assignments.ToBuilder();
        for (var i = 0; i < assignments.Count; i++)
        {
            if (assignments[i].Status is AssignmentStatus.Assigned or AssignmentStatus.Committed or AssignmentStatus.Revealed)
            {
                assignments[i] = assignments[i] with { Status = AssignmentStatus.Released };
            }
        }

        CreditSystem(task.Requester, task.EscrowMinorUnits);
        _state.SetTask(task with { Phase = TaskPhase.Expired, EscrowMinorUnits = 0, Assignments = assignments.ToImmutable() });
    }

    private void Reward(Address address)
    {
        var node = _state.GetNode(address);
        if (node is null)
        {
            return;
        }

        var reputation = Math.Min(ProtocolParameters.MaxReputation, node.Reputation + Parameters.ReputationUpStep);
        _state.SetNode(address, node with { Reputation = reputation, ConsecutiveFaults = 0 });
    }

    /// <summary>Slashes <paramref name="bps"/> of everything slashable (stake first, then unbonding entries newest first), splits it between insurance and burn, lowers reputation and jails at the threshold (writing the jail record).</summary>
    /// <returns>The amount slashed.</returns>
    private ulong Fault(Address address, uint bps)
    {
        var node = _state.GetNode(address);
        if (node is null)
        {
            return 0;
        }

        var slash = (ulong)(node.SlashableMinorUnits * bps / ProtocolParameters.BasisPoints);
        var fromStake = Math.Min(slash, node.StakeMinorUnits);
        var rest = slash - fromStake;
        var unbonding = node.Unbonding.ToBuilder();
        for (var i = unbonding.Count - 1; i >= 0 && rest > 0; i--)
        {
            var take = Math.Min(rest, unbonding[i].AmountMinorUnits);
            unbonding[i] = unbonding[i] with { AmountMinorUnits = unbonding[i].AmountMinorUnits - take };
            rest -= take;
        }

        unbonding.RemoveAll(e => e.AmountMinorUnits == 0);
        var insurance = (ulong)((UInt128)slash * Parameters.SlashInsuranceShareBps / ProtocolParameters.BasisPoints);
        var chain = _state.Chain;
        _state.SetChain(chain with { InsuranceMinorUnits = chain.InsuranceMinorUnits + insurance, BurnedMinorUnits = chain.BurnedMinorUnits + (slash - insurance) });
        var consecutive = node.ConsecutiveFaults + 1;
        var status = consecutive >= Parameters.JailThresholdFaults ? NodeStatus.Jailed : node.Status;
        _state.SetNode(address, node with
        {
            StakeMinorUnits = node.StakeMinorUnits - fromStake,
            Unbonding = unbonding.ToImmutable(),
            Reputation = node.Reputation - Math.Min(node.Reputation, Parameters.ReputationDownStep),
            ConsecutiveFaults = consecutive,
            TotalFaults = node.TotalFaults + 1,
            Status = status,
        });
        if (status == NodeStatus.Jailed)
        {
            RecordJail(address, wasJailed: node.Status == NodeStatus.Jailed);
        }

        return slash;
    }
}
