using Assay.Compute;
using Assay.Compute.Agreement;
using Assay.Compute.Tasks;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Proofs.CommitReveal;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;
using Assay.Proofs.SpotCheck;

namespace Assay.Ledger.Protocol;

/// <summary>Task transactions: submit, commit, reveal, and agreement.</summary>
internal sealed partial class StateMachine
{
    private Rejection SubmitTask(Address sender, SubmitTaskBody body)
    {
        var spec = body.Spec;
        if (spec.EngineVersion != EngineVersion.Current)
        {
            return Reject(RejectionReason.InvalidTaskSpec, "engine_version", $"engine_version: {spec.EngineVersion}; this ledger verifies version {EngineVersion.Current}.");
        }

        // The ledger recomputes leaves from the spec alone (spot checks, disputes), and a transaction's bytes carry only a
        // referenced spec's hash: an in-memory copy holding the content would verify where a replay could not.
        if (!spec.InputsInline)
        {
            return Reject(RejectionReason.InvalidTaskSpec, "inputs", "inputs: the ledger takes task specs with inline inputs only; this spec references its inputs by hash.");
        }

        if (!_registry.TryGet(spec.Kind, out var kind))
        {
            return Reject(RejectionReason.InvalidTaskSpec, "kind", $"kind: {spec.Kind} is not a registered task kind.");
        }

        try
        {
            _ = kind.Prepare(spec);
            spec.Policy.SpotChecks.Validate(kind.Layout);
        }
        catch (ArgumentException e)
        {
            return Reject(RejectionReason.InvalidTaskSpec, e is TaskSpecException t ? t.Field : "spec", $"spec: {e.Message}");
        }

        if ((uint)spec.Policy.Replication > Parameters.MaxReplication)
        {
            return Reject(RejectionReason.InvalidTaskSpec, "replication", $"replication: {spec.Policy.Replication} exceeds the maximum {Parameters.MaxReplication}.");
        }

        if (spec.FeeMinorUnits < Parameters.MinTaskFeeMinorUnits)
        {
            return Reject(RejectionReason.InvalidTaskSpec, "fee", $"fee: {spec.FeeMinorUnits} is below the minimum {Parameters.MinTaskFeeMinorUnits}.");
        }

        if (spec.DeadlineUnixMs <= TimestampUnixMs)
        {
            return Reject(RejectionReason.PastDeadline, "deadline", $"deadline: {spec.DeadlineUnixMs} is not after the block time {TimestampUnixMs}.");
        }

        var taskId = spec.TaskId;
        if (_state.GetTask(taskId) is not null)
        {
            return Reject(RejectionReason.DuplicateTask, "spec", $"spec: task {taskId} already exists.");
        }

        var debit = Debit(sender, Parameters.NativeAsset, spec.FeeMinorUnits, "fee");
        if (!debit.IsAccepted)
        {
            return debit;
        }

        _state.SetSpec(taskId, spec);
        _state.SetTask(new TaskRecord(taskId, sender, Height, TaskPhase.Pending, spec.FeeMinorUnits, 0, Hash256.Zero, 0, []));
        return Rejection.Accepted;
    }

    private Rejection Commit(Address sender, CommitBody body)
    {
        var task = _state.GetTask(body.TaskId);
        if (task is null)
        {
            return Reject(RejectionReason.UnknownTask, "task_id", $"task_id: no task {body.TaskId}.");
        }

        var index = task.IndexOf(sender);
        if (index < 0)
        {
            return Reject(RejectionReason.NotAssigned, "task_id", $"task_id: {sender} is not assigned to task {body.TaskId}.");
        }

        var assignment = task.Assignments[index];
        if (assignment.Status == AssignmentStatus.MissedCommit || (assignment.Status == AssignmentStatus.Assigned && Height > assignment.CommitDeadlineHeight))
        {
            return Reject(RejectionReason.PastDeadline, "commitment", $"commitment: the commit deadline was block {assignment.CommitDeadlineHeight}; this is block {Height}.");
        }

        if (assignment.Status != AssignmentStatus.Assigned || !task.IsOpen || task.Phase == TaskPhase.Agreed)
        {
            return Reject(RejectionReason.WrongPhase, "commitment", $"commitment: the assignment is {assignment.Status} and the task {task.Phase}; a commit needs an Assigned assignment.");
        }

        if (body.Commitment.Value == Hash256.Zero)
        {
            return Reject(RejectionReason.InvalidField, "commitment", "commitment: the zero hash is not a commitment.");
        }

        var assignments = task.Assignments.SetItem(index, assignment with { Status = AssignmentStatus.Committed, Commitment = body.Commitment.Value });
        _state.SetTask(task with { Assignments = assignments });
        return Rejection.Accepted;
    }

    private Rejection Reveal(Address sender, RevealBody body)
    {
        var task = _state.GetTask(body.TaskId);
        if (task is null)
        {
            return Reject(RejectionReason.UnknownTask, "task_id", $"task_id: no task {body.TaskId}.");
        }

        var index = task.IndexOf(sender);
        if (index < 0)
        {
            return Reject(RejectionReason.NotAssigned, "task_id", $"task_id: {sender} is not assigned to task {body.TaskId}.");
        }

        var assignment = task.Assignments[index];
        if (assignment.Status == AssignmentStatus.MissedReveal
            || (assignment.Status == AssignmentStatus.Committed && assignment.ChallengeSeed != Seedless && Height > assignment.RevealDeadlineHeight))
        {
            return Reject(RejectionReason.PastDeadline, "result", $"result: the reveal deadline was block {assignment.RevealDeadlineHeight}; this is block {Height}.");
        }

        if (task.Phase is not (TaskPhase.Committing or TaskPhase.Revealing or TaskPhase.Agreed) || assignment.Status != AssignmentStatus.Committed || assignment.ChallengeSeed == Seedless)
        {
            return Reject(RejectionReason.WrongPhase, "result", $"result: the task is {task.Phase} and the assignment {assignment.Status}; a reveal needs a committed assignment whose reveal window is open.");
        }

        var result = body.Result;
        Span<byte> senderBytes = stackalloc byte[Address.Length];
        sender.WriteTo(senderBytes);
        if (!result.NodeAddress.SequenceEqual(senderBytes))
        {
            return Reject(RejectionReason.MalformedProof, "result.node", $"result.node: asy{Convert.ToHexStringLower(result.NodeAddress)} is not the sender {sender}.");
        }

        var rootDigest = result.Root.Digest();
        if (!Commitment.Verify(new Commitment(assignment.Commitment), new Reveal(task.TaskId, sender, rootDigest, body.Salt)))
        {
            return Reject(RejectionReason.CommitmentMismatch, "salt", "salt: the revealed root digest and salt do not open the commitment.");
        }

        var spec = _state.GetSpec(task.TaskId)!;
        var kind = _registry.Get(spec.Kind);
        SpotCheckProof proof;
        try
        {
            proof = SpotCheckProof.Decode(body.Proof, kind.Layout);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return Reject(RejectionReason.MalformedProof, "proof", $"proof: not a spot-check proof for this task's layout ({e.Message}).");
        }

        Span<byte> seed = stackalloc byte[Hash256.Length];
        assignment.ChallengeSeed.WriteTo(seed);
        var nodeSpec = TaskRules.SpecFor(spec, sender);
        var verdict = TaskVerifier.Verify(nodeSpec, result, proof, seed, _registry);
        if (!verdict.IsValid)
        {
            // The node committed to this result, so a failing proof is its fault: accepted, slashed, replaced.
            _state.SetTask(task with { Assignments = task.Assignments.SetItem(index, assignment with { Status = AssignmentStatus.FailedVerification, RevealedRoot = rootDigest }) });
            Fault(sender, Parameters.SlashWrongRevealBps);
            _faulted = true;
            return Rejection.Accepted;
        }

        var estimate = 0.0;
        var standardError = 0.0;
        if (TaskRules.IsToleranceTask(spec))
        {
            if (!TryEstimate(result.Aggregate, out estimate, out standardError))
            {
                return Reject(RejectionReason.MalformedProof, "result.aggregate", "result.aggregate: a tolerance task's aggregate needs finite 'price' and positive finite 'stderr'.");
            }
        }

        var revealed = assignment with { Status = AssignmentStatus.Revealed, RevealedRoot = rootDigest, Estimate = estimate, StandardError = standardError };
        task = task with { Assignments = task.Assignments.SetItem(index, revealed) };
        _state.SetTask(TryAgree(task, spec));
        return Rejection.Accepted;
    }

    private static bool TryEstimate(TaskAggregate aggregate, out double estimate, out double standardError)
    {
        estimate = 0.0;
        standardError = 0.0;
        if (!aggregate.Names.Contains("price") || !aggregate.Names.Contains("stderr"))
        {
            return false;
        }

        estimate = aggregate["price"];
        standardError = aggregate["stderr"];
        return double.IsFinite(estimate) && double.IsFinite(standardError) && standardError > 0.0;
    }

    /// <summary>Indices of the revealed assignments that agree, or null when no quorum agrees yet.</summary>
    private static List<int>? Agreeing(TaskRecord task, TaskSpec spec)
    {
        var quorum = spec.Policy.Quorum;
        var revealed = new List<int>();
        for (var i = 0; i < task.Assignments.Length; i++)
        {
            if (task.Assignments[i].Status is AssignmentStatus.Revealed or AssignmentStatus.Rewarded)
            {
                revealed.Add(i);
            }
        }

        if (revealed.Count < quorum)
        {
            return null;
        }

        if (TaskRules.IsToleranceTask(spec))
        {
            var estimates = revealed.Select(i => new Estimate(task.Assignments[i].Estimate, task.Assignments[i].StandardError)).ToArray();
            var agreement = ToleranceAgreement.Agree(estimates, spec.Policy.ToleranceZ);
            if (agreement.AcceptedCount < quorum)
            {
                return null;
            }

            return revealed.Where((_, k) => agreement.Accepted[k]).ToList();
        }

        // Bit-exact: the first root (in assignment order) that a quorum revealed.
        foreach (var i in revealed)
        {
            var root = task.Assignments[i].RevealedRoot;
            var same = revealed.Where(j => task.Assignments[j].RevealedRoot == root).ToList();
            if (same.Count >= quorum)
            {
                return same;
            }
        }

        return null;
    }

    private TaskRecord TryAgree(TaskRecord task, TaskSpec spec)
    {
        if (task.Phase == TaskPhase.Agreed)
        {
            return task;
        }

        var agreeing = Agreeing(task, spec);
        if (agreeing is null)
        {
            return task;
        }

        // Tolerance tasks freeze the revealed set (a late estimate would move the pooled value); bit-exact tasks let
        // nodes whose reveal window is open still reveal, and finality waits for their deadlines.
        var tolerance = TaskRules.IsToleranceTask(spec);
        var finality = Height + Math.Max(spec.Policy.ChallengeWindowBlocks, Parameters.MinChallengeWindowBlocks);
        var assignments = task.Assignments.ToBuilder();
        for (var i = 0; i < assignments.Count; i++)
        {
            var a = assignments[i];
            var revealOpen = a.Status == AssignmentStatus.Committed && a.ChallengeSeed != Seedless;
            if (revealOpen && !tolerance)
            {
                finality = Math.Max(finality, a.RevealDeadlineHeight + 1);
            }
            else if (a.Status is AssignmentStatus.Assigned or AssignmentStatus.Committed)
            {
                assignments[i] = a with { Status = AssignmentStatus.Released };
            }
        }

        var agreedRoot = tolerance ? Hash256.Zero : task.Assignments[agreeing[0]].RevealedRoot;
        return task with { Phase = TaskPhase.Agreed, AgreedRoot = agreedRoot, FinalityHeight = finality, Assignments = assignments.ToImmutable() };
    }
}
