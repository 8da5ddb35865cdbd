using Assay.Compute.Agreement;
using Assay.Compute.Tasks;
using Assay.Ledger.Blocks;
using Assay.Ledger.Invariants;
using Assay.Ledger.Protocol;
using Assay.Ledger.State;
using Assay.Proofs.Hashing;

namespace Assay.Simulation;

/// <summary>The invariant checks: after every block, at a restart, and at the end of the run.</summary>
internal sealed partial class SimulationRun
{
    private readonly Dictionary<InvariantKind, InvariantViolation> _violations = [];
    private readonly Dictionary<Hash256, Hash256> _honestRoots = [];
    private readonly HashSet<Hash256> _checkedFinal = [];
    private readonly Dictionary<(Hash256 TaskId, Proofs.Signatures.Address Node), Estimate> _honestEstimates = [];
    private int _toleranceFinal;
    private int _toleranceWrongQuorums;
    private int _toleranceWrongRejected;
    private int _accepted;
    private int _rejected;
    private int _restartsFromSnapshot;

    private ulong Height => (ulong)_sequencer.Blocks.Count;

    private void Violate(InvariantKind invariant, string detail)
    {
        // Keep the first violation of each invariant: later ones usually follow from it.
        _violations.TryAdd(invariant, new InvariantViolation(invariant, Height, detail));
    }

    private void CheckAfterBlock(Block block)
    {
        foreach (var outcome in block.Outcomes)
        {
            if (outcome.Result.IsAccepted)
            {
                _accepted++;
            }
            else
            {
                _rejected++;
            }
        }

        var state = _sequencer.Ledger.State;
        var conservation = ValueConservation.Violations(state);
        if (conservation.Count > 0)
        {
            Violate(InvariantKind.ValueConserved, string.Join("; ", conservation));
        }

        foreach (var node in _nodes)
        {
            if (node.Fault != FaultKind.Honest)
            {
                continue;
            }

            var record = state.GetNode(node.Address)!;
            if (record.TotalFaults > 0 && (long)record.TotalFaults > ExcusedFaults(state, node))
            {
                Violate(InvariantKind.HonestNeverSlashed, $"honest node {node.Index} ({node.Address}) has {record.TotalFaults} faults: {History(state, node)}");
            }
        }

        foreach (var taskId in _requesters.SelectMany(r => r.Planned).Select(s => s.TaskId))
        {
            if (_checkedFinal.Contains(taskId) || state.GetTask(taskId) is not { Phase: TaskPhase.Final } task)
            {
                continue;
            }

            _checkedFinal.Add(taskId);
            var spec = state.GetSpec(taskId)!;
            if (TaskRules.IsToleranceTask(spec))
            {
                CheckToleranceFinal(task, spec);
                continue;
            }

            var honest = HonestRoot(spec);
            var colluders = ColludersIn(task);
            if (task.AgreedRoot != honest && colluders < TaskCatalog.Quorum)
            {
                Violate(InvariantKind.NoWrongFinalWithHonestQuorum, $"task {taskId} final with root {task.AgreedRoot}, honest root {honest}, colluders assigned {colluders}");
            }
        }
    }

    /// <summary>Wrong-reveal slashes of an honest node in tasks whose dishonest side reached the quorum (the protocol cannot help those).</summary>
    /// <remarks>Bit-exact tasks: a quorum of colluders was assigned. Tolerance tasks: a quorum of the pooled estimates were wrong.</remarks>
    private long ExcusedFaults(LedgerState state, SimNode node) =>
        state.Tasks.Count(t => t.Assignments.Any(a => a.Node == node.Address && a.Status == AssignmentStatus.SlashedWrong)
            && (TaskRules.IsToleranceTask(state.GetSpec(t.TaskId)!)
                ? WrongPooled(t, state.GetSpec(t.TaskId)!) >= TaskCatalog.Quorum
                : ColludersIn(t) >= TaskCatalog.Quorum));

    /// <summary>The tolerance form of <see cref="InvariantKind.NoWrongFinalWithHonestQuorum"/>, checked when a tolerance task becomes final.</summary>
    /// <remarks>
    /// <para>The ledger pools every verified reveal present at agreement (at finality: the assignments Rewarded or
    /// SlashedWrong, in assignment order), pays those within z·√(sᵢ² − s̄²) of the pooled x̄ and slashes the rest. An
    /// estimate is honest when it equals, bit for bit, what the harness computes for that node's own seed. Unless a
    /// quorum of the pooled estimates are wrong, the check recomputes the agreement over the pool and requires: the
    /// ledger paid exactly the accepted ones; every honest pooled estimate is accepted, i.e. the agreed (pooled)
    /// estimate x̄ lies within the policy's tolerance z·√(s_h² − s̄²) of every honest estimate x_h; and no wrong estimate
    /// is paid.</para>
    /// </remarks>
    private void CheckToleranceFinal(TaskRecord task, TaskSpec spec)
    {
        _toleranceFinal++;
        var pool = Pooled(task);
        var wrong = WrongPooled(task, spec);
        if (wrong >= TaskCatalog.Quorum)
        {
            _toleranceWrongQuorums++;
            return;
        }

        var estimates = pool.Select(i => new Estimate(task.Assignments[i].Estimate, task.Assignments[i].StandardError)).ToArray();
        var agreement = ToleranceAgreement.Agree(estimates, spec.Policy.ToleranceZ);
        var pooled = agreement.Pooled;
        for (var k = 0; k < pool.Count; k++)
        {
            var a = task.Assignments[pool[k]];
            var honest = IsHonestEstimate(spec, a);
            var paid = a.Status == AssignmentStatus.Rewarded;
            var where = $"task {task.TaskId}: node {a.Node} estimate {a.Estimate:R} ± {a.StandardError:R}, pooled {pooled.Value:R} ± {pooled.StandardError:R} over {pool.Count}, z {spec.Policy.ToleranceZ}";
            if (paid != agreement.Accepted[k])
            {
                Violate(InvariantKind.NoWrongFinalWithHonestQuorum, $"{where}: the ledger {(paid ? "paid" : "slashed")} it but the tolerance rule {(agreement.Accepted[k] ? "accepts" : "rejects")} it");
            }
            else if (honest && !paid)
            {
                Violate(InvariantKind.NoWrongFinalWithHonestQuorum, $"{where}: an honest estimate outside the band of the agreed estimate ({wrong} wrong pooled)");
            }
            else if (!honest && paid)
            {
                Violate(InvariantKind.NoWrongFinalWithHonestQuorum, $"{where}: a wrong estimate was paid (honest {HonestEstimate(spec, a.Node).Value:R})");
            }

            if (!honest && !paid)
            {
                _toleranceWrongRejected++;
            }
        }
    }

    /// <summary>Indices of the assignments a final tolerance task pooled: every verified reveal present at agreement.</summary>
    private static List<int> Pooled(TaskRecord task) =>
        Enumerable.Range(0, task.Assignments.Length)
            .Where(i => task.Assignments[i].Status is AssignmentStatus.Rewarded or AssignmentStatus.SlashedWrong or AssignmentStatus.Revealed)
            .ToList();

    private int WrongPooled(TaskRecord task, TaskSpec spec) => Pooled(task).Count(i => !IsHonestEstimate(spec, task.Assignments[i]));

    private bool IsHonestEstimate(TaskSpec spec, Assignment a)
    {
        var honest = HonestEstimate(spec, a.Node);
        return a.Estimate.Equals(honest.Value) && a.StandardError.Equals(honest.StandardError);
    }

    /// <summary>What the node's own seed gives for a tolerance task: the harness's independent computation.</summary>
    private Estimate HonestEstimate(TaskSpec spec, Proofs.Signatures.Address node)
    {
        if (!_honestEstimates.TryGetValue((spec.TaskId, node), out var estimate))
        {
            var aggregate = NodeWork.Honest(spec, node).Result.Aggregate;
            estimate = new Estimate(aggregate["price"], aggregate["stderr"]);
            _honestEstimates[(spec.TaskId, node)] = estimate;
        }

        return estimate;
    }

    private int ColludersIn(TaskRecord task) =>
        task.Assignments.Count(a => _nodes.Any(n => n.Address == a.Node && n.Fault == FaultKind.Colluding));

    private string History(LedgerState state, SimNode node) => string.Join("; ", state.Tasks.SelectMany(t => t.Assignments
        .Where(a => a.Node == node.Address)
        .Select(a => $"task {t.TaskId.ToString()[..8]} {t.Phase} {a.Status} assigned h{a.AssignedHeight} commit≤h{a.CommitDeadlineHeight} reveal≤h{a.RevealDeadlineHeight}")));

    private Hash256 HonestRoot(TaskSpec spec)
    {
        if (!_honestRoots.TryGetValue(spec.TaskId, out var root))
        {
            root = NodeWork.Honest(spec, _nodes[0].Address).Result.Root.Digest();
            _honestRoots[spec.TaskId] = root;
        }

        return root;
    }

    private SimulationReport Finish()
    {
        if (!_sequencer.IsUp && !_sequencer.HasFailed)
        {
            RestartSequencer();
        }

        var ledger = _sequencer.LastLedger;
        var state = ledger.State;
        var now = ledger.Head.TimestampUnixMs;
        if (!_sequencer.HasFailed)
        {
            // A sequencer that could not restart ended the run early: open tasks then say nothing about the protocol.
            foreach (var spec in _requesters.SelectMany(r => r.Planned))
            {
                var task = state.GetTask(spec.TaskId);
                if (task is null ? spec.DeadlineUnixMs > now : task.IsOpen)
                {
                    Violate(InvariantKind.TasksSettled, $"task {spec.TaskId} is {(task is null ? "not submitted" : task.Phase.ToString())} at {now - GenesisTimeMs} ms (deadline {spec.DeadlineUnixMs - GenesisTimeMs} ms)");
                }
            }
        }

        // The stored log is replayed from block 0's genesis snapshot, reading every block's canonical bytes back from
        // the SQLite file, as a fresh verifier would.
        var replay = _sequencer.ReplayStore();
        if (!replay.AllMatch)
        {
            Violate(InvariantKind.ReplayReproducesRoots, $"height {replay.FirstMismatchHeight}: {replay.Detail}");
        }
        else if (replay.HeadHeight != _sequencer.Blocks.Count)
        {
            Violate(InvariantKind.ReplayReproducesRoots, $"the store's head is at height {replay.HeadHeight}, the sequencer logged {_sequencer.Blocks.Count} blocks");
        }

        return new SimulationReport(
            _options.Seed,
            _violations.Values.OrderBy(v => v.Invariant).ToList(),
            Tally(state),
            _sequencer.Blocks.Count,
            _accepted,
            _rejected,
            state.Tasks.Count(t => t.Phase == TaskPhase.Final),
            state.Tasks.Count(t => t.Phase == TaskPhase.Expired),
            _crashes,
            _network.Sent,
            _network.Lost,
            _network.Duplicated,
            now - GenesisTimeMs,
            ledger.Head.Hash.ToString())
        {
            RestartsFromSnapshot = _restartsFromSnapshot,
            ToleranceTasksFinal = _toleranceFinal,
            ToleranceWrongEstimatesRejected = _toleranceWrongRejected,
            ToleranceWrongQuorums = _toleranceWrongQuorums,
        };
    }

    /// <summary>Restarts the sequencer from its store and checks that it comes back at the logged head and state.</summary>
    private void RestartSequencer()
    {
        if (_sequencer.Restart() is { } mismatch)
        {
            Violate(InvariantKind.RestartReproducesHead, mismatch);
        }
        else if (_sequencer.LastRestoredFromHeight > 0)
        {
            _restartsFromSnapshot++;
        }
    }

    private Dictionary<FaultKind, FaultTally> Tally(LedgerState state)
    {
        var rejectedBySender = new Dictionary<Proofs.Signatures.Address, long>();
        foreach (var block in _sequencer.Blocks)
        {
            for (var i = 0; i < block.Transactions.Count; i++)
            {
                if (!block.Outcomes[i].Result.IsAccepted)
                {
                    var sender = block.Transactions[i].Sender;
                    rejectedBySender[sender] = rejectedBySender.GetValueOrDefault(sender) + 1;
                }
            }
        }

        var assignments = state.Tasks.SelectMany(t => t.Assignments).ToLookup(a => a.Node);
        var tallies = new Dictionary<FaultKind, FaultTally>();
        foreach (var node in _nodes)
        {
            var record = state.GetNode(node.Address)!;
            var mine = assignments[node.Address];
            var stakeNow = (ulong)record.SlashableMinorUnits;
            var tally = new FaultTally
            {
                Nodes = 1,
                Slashes = (long)record.TotalFaults,
                FailedVerification = mine.Count(a => a.Status == AssignmentStatus.FailedVerification),
                MissedCommit = mine.Count(a => a.Status == AssignmentStatus.MissedCommit),
                MissedReveal = mine.Count(a => a.Status == AssignmentStatus.MissedReveal),
                SlashedWrong = mine.Count(a => a.Status == AssignmentStatus.SlashedWrong),
                Rewarded = mine.Count(a => a.Status == AssignmentStatus.Rewarded),
                RejectedTransactions = rejectedBySender.GetValueOrDefault(node.Address),
                EquivocationsSeen = _sequencer.Equivocations.GetValueOrDefault(node.Address),
                EquivocationsSlashed = state.Tasks.Count(t => state.GetEvidence(EvidenceRecord.IdFor(node.Address, t.TaskId)) is not null),
                StakeLostMinorUnits = _genesisStake[node.Address] - stakeNow,
            };
            tallies[node.Fault] = tallies.TryGetValue(node.Fault, out var sum) ? sum.Add(tally) : tally;
        }

        return tallies;
    }
}
