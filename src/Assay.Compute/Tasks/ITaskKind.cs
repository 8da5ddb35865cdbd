using Assay.Proofs.MerkleSum;

namespace Assay.Compute.Tasks;

/// <summary>A kind of verifiable map–reduce task: its id, its Merkle-sum lanes, and how to bind a spec to a computation.</summary>
/// <remarks>Kinds are looked up by <see cref="Id"/> in a <see cref="TaskKindRegistry"/>; adding a kind touches no other kind.</remarks>
public interface ITaskKind
{
    /// <summary>The kind id written in <see cref="TaskSpec.Kind"/>.</summary>
    ushort Id { get; }

    /// <summary>A short lowercase name, e.g. "montecarlo".</summary>
    string Name { get; }

    /// <summary>The lanes every leaf and root of this kind carries (the verifier's, never the prover's).</summary>
    MerkleSumLayout Layout { get; }

    /// <summary>Decodes and validates the spec's inputs and item count and returns the computation they define.</summary>
    /// <exception cref="TaskSpecException">The inputs or item count do not fit this kind.</exception>
    ITaskComputation Prepare(TaskSpec spec);
}
