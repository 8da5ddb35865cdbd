using System.Buffers.Binary;
using Assay.Compute.Tasks;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.Protocol;

/// <summary>Protocol rules that nodes and the ledger must compute identically: required capability, per-node specs of tolerance tasks.</summary>
public static class TaskRules
{
    /// <summary>Domain tag of a node's own seed in a tolerance (independent-seed) task.</summary>
    public const string NodeSeedTag = "assay/ledger-node-seed/v1";

    /// <summary>The capability a node needs for a task kind: <c>analytic</c> for PriceBook, <c>montecarlo</c> for Monte Carlo, <c>kind-N</c> otherwise.</summary>
    public static string RequiredCapability(ushort kind) => kind switch
    {
        TaskKindIds.PriceBook => "analytic",
        TaskKindIds.MonteCarlo => "montecarlo",
        _ => $"kind-{kind}",
    };

    /// <summary>Whether results of <paramref name="spec"/> agree within a tolerance (independent seeds) rather than bit for bit.</summary>
    public static bool IsToleranceTask(TaskSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Policy.ToleranceZ > 0.0;
    }

    /// <summary>The spec <paramref name="node"/> computes: the task's own for bit-exact tasks; for tolerance tasks the same spec with seed = first 8 bytes (little-endian) of DomainHash(<see cref="NodeSeedTag"/>, task id ‖ node).</summary>
    public static TaskSpec SpecFor(TaskSpec spec, Address node)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!IsToleranceTask(spec))
        {
            return spec;
        }

        Span<byte> id = stackalloc byte[Hash256.Length];
        Span<byte> address = stackalloc byte[Address.Length];
        spec.TaskId.WriteTo(id);
        node.WriteTo(address);
        Span<byte> digest = stackalloc byte[Hash256.Length];
        DomainHash.Compute(NodeSeedTag, id, address).WriteTo(digest);
        var seed = BinaryPrimitives.ReadUInt64LittleEndian(digest);
        return new TaskSpec(spec.Kind, spec.EngineVersion, spec.Inputs, spec.ItemCount, seed, spec.Policy, spec.FeeMinorUnits, spec.DeadlineUnixMs);
    }
}
