using Assay.Proofs.MerkleSum;

namespace Assay.Proofs.SpotCheck;

/// <summary>The outcome of verifying a spot-check proof, with the first failing check and the work done.</summary>
/// <param name="Rejection">Why it was refused; <see cref="SpotCheckRejection.None"/> when accepted.</param>
/// <param name="Detail">A message naming the failing leaf, field and values; empty when accepted.</param>
/// <param name="LeafIndex">The leaf the failure concerns, or −1.</param>
/// <param name="OpeningRejection">For <see cref="SpotCheckRejection.OpeningInvalid"/>, why the opening failed.</param>
/// <param name="LeavesRecomputed">Number of leaves recomputed from the task spec.</param>
/// <param name="HashesComputed">Number of SHA-256 evaluations (challenge draws, leaf and node hashes).</param>
public readonly record struct SpotCheckVerdict(
    SpotCheckRejection Rejection,
    string Detail,
    long LeafIndex,
    MerkleSumRejection OpeningRejection,
    int LeavesRecomputed,
    long HashesComputed)
{
    /// <summary>Whether the proof was accepted.</summary>
    public bool IsValid => Rejection == SpotCheckRejection.None;

    /// <summary>The verdict in one line.</summary>
    public override string ToString() => IsValid
        ? $"valid ({LeavesRecomputed} leaves recomputed, {HashesComputed} hashes)"
        : $"{Rejection}{(OpeningRejection == MerkleSumRejection.None ? string.Empty : $"/{OpeningRejection}")} at leaf {LeafIndex}: {Detail}";
}
