using Assay.Compute.Tasks;
using Assay.Ledger.Blocks;
using Assay.Ledger.Protocol;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Proofs.CommitReveal;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Simulation;

/// <summary>A simulated compute node: it watches the chain, really computes its assigned tasks, and commits and reveals according to its <see cref="FaultKind"/>.</summary>
internal sealed class SimNode
{
    private const int ColluderLeaf = 0;
    private static readonly Int128 ColluderShift = (Int128)1 << 50;

    private readonly Random _random;
    private readonly Dictionary<Hash256, NodeWork[]> _works = [];
    private readonly Dictionary<Hash256, CommitSalt> _lazySalts = [];
    private readonly Dictionary<Hash256, RevealBody> _seenReveals = [];

    public SimNode(int index, DeterministicSigner signer, FaultKind fault, Random random, long offlineFromMs, long offlineUntilMs)
    {
        Index = index;
        Outbox = new Outbox(signer);
        Fault = fault;
        _random = random;
        OfflineFromMs = offlineFromMs;
        OfflineUntilMs = offlineUntilMs;
    }

    public int Index { get; }

    public Outbox Outbox { get; }

    public Address Address => Outbox.Address;

    public FaultKind Fault { get; }

    public long OfflineFromMs { get; }

    public long OfflineUntilMs { get; }

    public bool IsOnline(long nowMs) => nowMs < OfflineFromMs || nowMs >= OfflineUntilMs;

    /// <summary>A lazy node reads the chain's accepted reveals of other nodes, hoping to copy them.</summary>
    public void Observe(Block block)
    {
        if (Fault != FaultKind.Lazy)
        {
            return;
        }

        for (var i = 0; i < block.Transactions.Count; i++)
        {
            if (block.Transactions[i].Body is RevealBody reveal && block.Transactions[i].Sender != Address && block.Outcomes[i].Result.IsAccepted)
            {
                _seenReveals[reveal.TaskId] = reveal;
            }
        }
    }

    /// <summary>Acts on every open assignment: commits when due, reveals when the window is open.</summary>
    public void Wake(LedgerState state, SimulatedNetwork network, long nowMs)
    {
        if (!IsOnline(nowMs) || !Outbox.Ready(state))
        {
            return;
        }

        var next = state.Chain.Height + 1;
        var batch = new List<SignedTransaction>();
        foreach (var taskId in state.OpenTaskIds.ToList())
        {
            var task = state.GetTask(taskId)!;
            var index = task.IndexOf(Address);
            if (index < 0)
            {
                continue;
            }

            var a = task.Assignments[index];
            if (a.Status == AssignmentStatus.Assigned && next <= a.CommitDeadlineHeight)
            {
                Commit(state.GetSpec(taskId)!, batch);
            }
            else if (a.Status == AssignmentStatus.Committed && a.ChallengeSeed != Hash256.Zero && next <= a.RevealDeadlineHeight)
            {
                Reveal(taskId, a, batch);
            }
        }

        if (batch.Count == 0)
        {
            return;
        }

        Outbox.Sent(state);
        foreach (var tx in batch)
        {
            network.Send(tx);
        }
    }

    private void Commit(TaskSpec spec, List<SignedTransaction> batch)
    {
        if (Fault == FaultKind.Lazy)
        {
            // Nothing computed: a guessed root. The commitment binds it, so a copied reveal later cannot open it.
            var salt = _lazySalts.TryGetValue(spec.TaskId, out var s) ? s : _lazySalts[spec.TaskId] = NewSalt();
            var guess = new Hash256(RandomBytes(Hash256.Length));
            batch.Add(Outbox.Sign(new CommitBody(spec.TaskId, Commitment.Create(spec.TaskId, Address, guess, salt))));
            return;
        }

        var works = WorksFor(spec);
        batch.Add(Outbox.Sign(works[0].CommitBody));
        if (Fault == FaultKind.Equivocation)
        {
            batch.Add(Outbox.SignSameNonce(works[1].CommitBody));
        }
    }

    private void Reveal(Hash256 taskId, Assignment a, List<SignedTransaction> batch)
    {
        switch (Fault)
        {
            case FaultKind.NeverReveals:
                return;
            case FaultKind.Lazy:
                if (_seenReveals.TryGetValue(taskId, out var seen) && _lazySalts.TryGetValue(taskId, out var salt))
                {
                    var r = seen.Result;
                    var copy = new TaskResult(r.TaskId, r.EngineVersion, r.ItemCount, r.Root, r.Aggregate, Address.ToArray(), []);
                    batch.Add(Outbox.Sign(new RevealBody(taskId, copy, salt, seen.Proof)));
                }

                return;
            case FaultKind.GarbageProof:
                {
                    var work = _works[taskId][0];
                    var honest = work.RevealBody(a.ChallengeSeed);
                    byte[] proof;
                    if ((taskId.ToArray()[0] & 1) == 0)
                    {
                        proof = RandomBytes(Math.Max(16, honest.Proof.Length));
                    }
                    else
                    {
                        // A well-formed proof, but for another challenge: its openings do not answer this one.
                        var other = a.ChallengeSeed.ToArray();
                        Array.Reverse(other);
                        proof = TaskRunner.Prove(work.RunSpec, work.Run.Tree, other).Encode();
                    }

                    batch.Add(Outbox.Sign(honest with { Proof = proof }));
                    return;
                }

            default:
                {
                    var work = _works[taskId].FirstOrDefault(w => w.Commitment.Value == a.Commitment);
                    if (work is not null)
                    {
                        batch.Add(Outbox.Sign(work.RevealBody(a.ChallengeSeed)));
                    }

                    return;
                }
        }
    }

    private NodeWork[] WorksFor(TaskSpec spec)
    {
        if (_works.TryGetValue(spec.TaskId, out var cached))
        {
            return cached;
        }

        var unique = (Int128)(Index + 2) << 44;
        if (TaskRules.IsToleranceTask(spec))
        {
            // Independent seeds: a wrong node moves its estimate up, beyond the tolerance (up only: moving Σpayoff down
            // while keeping the variance could make the leaf's Σpayoff² negative). Colluders move leaf 0 by the same
            // amount; two wrong nodes then agree with each other just as colluders do.
            var leaf = Index % spec.ItemCount;
            var shift = TaskCatalog.FaultyShiftStandardErrors;
            NodeWork[] tolerance = Fault switch
            {
                FaultKind.WrongResult => [Work(spec, NodeWork.ShiftedEstimate(spec, Address, leaf, shift))],
                FaultKind.Colluding => [Work(spec, NodeWork.ShiftedEstimate(spec, Address, ColluderLeaf, shift))],
                FaultKind.Equivocation => [Work(spec, NodeWork.Honest(spec, Address)), Work(spec, NodeWork.ShiftedEstimate(spec, Address, leaf, shift))],
                _ => [Work(spec, NodeWork.Honest(spec, Address))],
            };
            _works[spec.TaskId] = tolerance;
            return tolerance;
        }

        var works = Fault switch
        {
            FaultKind.WrongResult => [Work(spec, NodeWork.Falsified(spec, Address, Index % spec.ItemCount, unique))],
            FaultKind.Colluding => [Work(spec, NodeWork.Falsified(spec, Address, ColluderLeaf, ColluderShift))],
            FaultKind.Equivocation => [Work(spec, NodeWork.Honest(spec, Address)), Work(spec, NodeWork.Falsified(spec, Address, Index % spec.ItemCount, unique))],
            _ => new[] { Work(spec, NodeWork.Honest(spec, Address)) },
        };
        _works[spec.TaskId] = works;
        return works;
    }

    private NodeWork Work(TaskSpec spec, TaskRun run) => new(spec, Address, run, NewSalt());

    private CommitSalt NewSalt() => new(RandomBytes(32));

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }
}
