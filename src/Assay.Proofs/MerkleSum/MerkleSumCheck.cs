namespace Assay.Proofs.MerkleSum;

/// <summary>The outcome of checking a Merkle-sum root or opening: accepted, or the first rule broken and a message naming it.</summary>
/// <param name="Rejection">Why it was refused; <see cref="MerkleSumRejection.None"/> when accepted.</param>
/// <param name="Detail">A message naming the field, its value and the allowed range; empty when accepted.</param>
public readonly record struct MerkleSumCheck(MerkleSumRejection Rejection, string Detail)
{
    /// <summary>The accepted outcome.</summary>
    public static MerkleSumCheck Valid => new(MerkleSumRejection.None, string.Empty);

    /// <summary>Whether the check passed.</summary>
    public bool IsValid => Rejection == MerkleSumRejection.None;

    /// <summary>The rejection and its message, or "valid".</summary>
    public override string ToString() => IsValid ? "valid" : $"{Rejection}: {Detail}";
}
