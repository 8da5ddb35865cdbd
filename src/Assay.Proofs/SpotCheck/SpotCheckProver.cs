using Assay.Proofs.MerkleSum;

namespace Assay.Proofs.SpotCheck;

/// <summary>The prover's side of a spot check: opens every leaf the challenge demands.</summary>
public static class SpotCheckProver
{
    /// <summary>Builds the proof for a challenge seed and a policy: the uniform indices and the leaves hit by the mass targets, each opened once, in ascending order.</summary>
    /// <exception cref="ArgumentException">The policy does not fit the tree's layout, or the seed's length is out of range.</exception>
    public static SpotCheckProof Prove(MerkleSumTree tree, ReadOnlySpan<byte> challengeSeed, SpotCheckPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(tree);
        policy.Validate(tree.Layout);
        var challenge = SpotCheckChallenge.Derive(tree.Root, challengeSeed, policy);
        var indices = new SortedSet<long>(challenge.UniformIndices);
        foreach (var target in challenge.MassTargets)
        {
            indices.Add(tree.FindByMass(policy.MassLane, target));
        }

        return new SpotCheckProof(tree.LeafCount, tree.Layout.LaneCount, indices.Select(tree.Open));
    }
}
