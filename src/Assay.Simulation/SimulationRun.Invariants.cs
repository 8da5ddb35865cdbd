using Assay.Ledger.Blocks;
using Assay.Ledger.Invariants;
using Assay.Ledger.State;
using Assay.Proofs.Hashing;

namespace Assay.Simulation;

/// <summary>The invariant checks: after every block, at a restart, and at the end of the run.</summary>
internal sealed partial class SimulationRun
{
    private readonly Dictionary<InvariantKind, InvariantViolation> _violations = [];
    private readonly Dictionary<Hash256, Hash256> _honestRoots = [];
    private readonly HashSet<Hash256> _checkedFinal = [];
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
            var honest = HonestRoot(state.GetSpec(taskId)!);
            var colluders = ColludersIn(task);
            if (task.AgreedRoot != honest && colluders < TaskCatalog.Quorum)
            {
                Violate(InvariantKind.NoWrongFinalWithHonestQuorum, $"task {taskId} final with root {task.AgreedRoot}, honest root {honest}, colluders assigned {colluders}");
            }
        }
    }

    /// <summary>Wrong-reveal slashes of an honest node in tasks whose colluders reached the quorum (the protocol cannot help those).</summary>
    private long ExcusedFaults(LedgerState state, SimNode node) =>
        state.Tasks.Count(t => ColludersIn(t) >= TaskCatalog.Quorum && t.Assignments.Any(a => a.Node == node.Address && a.Status == AssignmentStatus.SlashedWrong));

    private int ColludersIn(TaskRecord task) =>
        task.Assignments.Count(a => _nodes.Any(n => n.Address == a.Node && n.Fault == FaultKind.Colluding));

    private string History(LedgerState state, SimNode node) => string.Join("; ", state.Tasks.SelectMany(t => t.Assignments
        .Where(a => a.Node == node.Address)
        .Select(a => $"task {t.TaskId.ToString()[..8]} {t.Phase} {a.Status} assigned h{a.AssignedHeight} commit≤h{a.CommitDeadlineHeight} reveal≤h{a.RevealDeadlineHeight}")));

    private Hash256 HonestRoot(Compute.Tasks.TaskSpec spec)
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
                StakeLostMinorUnits = _genesisStake[node.Address] - stakeNow,
            };
            tallies[node.Fault] = tallies.TryGetValue(node.Fault, out var sum) ? sum.Add(tally) : tally;
        }

        return tallies;
    }
}
