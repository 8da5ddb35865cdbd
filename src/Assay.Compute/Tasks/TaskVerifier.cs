using Assay.Proofs.SpotCheck;

namespace Assay.Compute.Tasks;

/// <summary>Checks a task result against its spec: identity, engine version, counts, the aggregate, then a spot-check proof with leaves recomputed by the kind.</summary>
public static class TaskVerifier
{
    /// <summary>Verifies <paramref name="result"/> and <paramref name="proof"/> for <paramref name="spec"/> and a challenge seed.</summary>
    /// <param name="spec">The task (trusted: its id is what the ledger holds).</param>
    /// <param name="result">The node's result (untrusted).</param>
    /// <param name="proof">The node's openings (untrusted).</param>
    /// <param name="challengeSeed">Randomness that did not exist when the result was committed, 16 … 1024 bytes.</param>
    /// <param name="registry">Known kinds (default: <see cref="TaskKindRegistry.Default"/>).</param>
    public static TaskVerdict Verify(TaskSpec spec, TaskResult result, SpotCheckProof proof, ReadOnlySpan<byte> challengeSeed, TaskKindRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(proof);
        ITaskKind kind;
        ITaskComputation computation;
        try
        {
            kind = (registry ?? TaskKindRegistry.Default).Get(spec.Kind);
            computation = kind.Prepare(spec);
            spec.Policy.SpotChecks.Validate(kind.Layout);
        }
        catch (ArgumentException e)
        {
            return Fail(TaskRejection.SpecInvalid, e.Message);
        }

        var taskId = spec.TaskId;
        if (result.TaskId != taskId)
        {
            return Fail(TaskRejection.TaskIdMismatch, $"result.task_id = {result.TaskId}; the spec's id is {taskId}.");
        }

        if (result.EngineVersion != spec.EngineVersion || spec.EngineVersion != Compute.EngineVersion.Current)
        {
            return Fail(TaskRejection.EngineVersionMismatch, $"result engine_version = {result.EngineVersion}, spec = {spec.EngineVersion}, this verifier runs {Compute.EngineVersion.Current}.");
        }

        if (result.ItemCount != spec.ItemCount || result.Root.LeafCount != spec.ItemCount)
        {
            return Fail(TaskRejection.ItemCountMismatch, $"result item_count = {result.ItemCount}, root leaf_count = {result.Root.LeafCount}; the spec has {spec.ItemCount}.");
        }

        var rootCheck = kind.Layout.Check(result.Root.Sums, "root sums");
        if (!rootCheck.IsValid)
        {
            return Fail(TaskRejection.RootInvalid, rootCheck.ToString());
        }

        TaskAggregate expected;
        try
        {
            expected = computation.Reduce(result.Root.Sums);
        }
        catch (ArgumentException e)
        {
            return Fail(TaskRejection.AggregateMismatch, $"the root sums do not reduce to an aggregate: {e.Message}");
        }

        if (!expected.Equals(result.Aggregate))
        {
            return Fail(TaskRejection.AggregateMismatch, $"result aggregate [{result.Aggregate}]; the root sums imply [{expected}].");
        }

        var verdict = SpotCheckVerifier.Verify(kind.Layout, result.Root, challengeSeed, spec.Policy.SpotChecks, proof, computation.ComputeLeaf);
        return verdict.IsValid
            ? new TaskVerdict(TaskRejection.None, string.Empty, verdict)
            : new TaskVerdict(TaskRejection.SpotCheckFailed, verdict.ToString(), verdict);
    }

    private static TaskVerdict Fail(TaskRejection rejection, string detail) => new(rejection, detail, null);
}
