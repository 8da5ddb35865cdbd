using System.Runtime.CompilerServices;
using Assay.Proofs.MerkleSum;

namespace Assay.Proofs.SpotCheck;

/// <summary>The verifier's side of a spot check: re-derives the challenge, checks every opening against the root, and recomputes every opened leaf.</summary>
/// <remarks>
/// Checks, in order (the cheap ones first, the leaf recomputations last): the root obeys the layout; the proof has the
/// root's leaf and lane counts; openings are in strictly ascending leaf order; each opening verifies against the root
/// (hashes and sums, no negative mass, as <see cref="MerkleSumVerifier"/>; nodes shared by several openings are hashed
/// once per proof); every uniform index is opened; every mass target
/// falls in the mass interval [prefix, prefix + mass) of an opened leaf; no opening is surplus; and every opened leaf is
/// equal, bit for bit, to the leaf recomputed from the task spec.
/// </remarks>
public static partial class SpotCheckVerifier
{
    /// <summary>Verifies a spot-check proof against a committed root.</summary>
    /// <param name="layout">The lanes of the task kind.</param>
    /// <param name="root">The committed root (untrusted: checked against the layout).</param>
    /// <param name="challengeSeed">Randomness that did not exist when the root was committed.</param>
    /// <param name="policy">The spot-check policy of the task.</param>
    /// <param name="proof">The prover's openings (untrusted).</param>
    /// <param name="recomputeLeaf">Recomputes leaf i from the task spec (e.g. one Monte Carlo batch).</param>
    /// <exception cref="ArgumentException">The policy does not fit the layout, or the seed's length is out of range.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SpotCheckVerdict Verify(
        MerkleSumLayout layout,
        MerkleSumRoot root,
        ReadOnlySpan<byte> challengeSeed,
        SpotCheckPolicy policy,
        SpotCheckProof proof,
        Func<long, MerkleSumLeaf> recomputeLeaf)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(recomputeLeaf);
        policy.Validate(layout);
        if (challengeSeed.Length is < SpotCheckChallenge.MinSeedLength or > SpotCheckChallenge.MaxSeedLength)
        {
            throw new ArgumentException($"The challenge seed must be {SpotCheckChallenge.MinSeedLength} to {SpotCheckChallenge.MaxSeedLength} bytes; got {challengeSeed.Length}.", nameof(challengeSeed));
        }

        var rootCheck = MerkleSumVerifier.CheckRoot(layout, root);
        if (!rootCheck.IsValid)
        {
            return Fail(SpotCheckRejection.RootInvalid, rootCheck.ToString(), -1, 0, rootCheck.Rejection);
        }

        if (proof.LeafCount != root.LeafCount || proof.LaneCount != layout.LaneCount)
        {
            return Fail(SpotCheckRejection.ShapeMismatch, $"The proof is for {proof.LeafCount} leaves of {proof.LaneCount} lanes; the root has {root.LeafCount} leaves and the layout {layout.LaneCount} lanes.", -1, 0);
        }

        var challenge = SpotCheckChallenge.Derive(root, challengeSeed, policy);
        var hashes = challenge.DrawsHashed;
        var openings = proof.Openings;
        var shared = new SharedPaths();
        var starts = new UInt128[openings.Count];
        var ends = new UInt128[openings.Count];
        for (var i = 0; i < openings.Count; i++)
        {
            var opening = openings[i];
            if (i > 0 && opening.LeafIndex <= openings[i - 1].LeafIndex)
            {
                return Fail(SpotCheckRejection.OpeningsNotCanonical, $"Opening {i} is for leaf {opening.LeafIndex}, not after leaf {openings[i - 1].LeafIndex}.", opening.LeafIndex, hashes);
            }

            var check = VerifyOpening(layout, root, opening, policy.MassLane, shared, out var prefix, ref hashes);
            if (!check.IsValid)
            {
                return Fail(SpotCheckRejection.OpeningInvalid, check.Detail, opening.LeafIndex, hashes, check.Rejection);
            }

            starts[i] = prefix;
            ends[i] = prefix + (UInt128)opening.Leaf.Sums[policy.MassLane];
        }

        var demanded = new bool[openings.Count];
        foreach (var index in challenge.UniformIndices)
        {
            var at = FindLeaf(openings, index);
            if (at < 0)
            {
                return Fail(SpotCheckRejection.MissingUniformOpening, $"Uniformly drawn leaf {index} is not opened.", index, hashes);
            }

            demanded[at] = true;
        }

        for (var j = 0; j < challenge.MassTargets.Count; j++)
        {
            var target = challenge.MassTargets[j];
            var at = LastStartAtOrBelow(starts, target);
            if (at < 0 || target >= ends[at])
            {
                return Fail(SpotCheckRejection.MissingMassOpening, $"Mass target {j} = {target} of lane {policy.MassLane} lies in no opened leaf's interval.", -1, hashes);
            }

            demanded[at] = true;
        }

        for (var i = 0; i < openings.Count; i++)
        {
            if (!demanded[i])
            {
                return Fail(SpotCheckRejection.UnrequestedOpening, $"Leaf {openings[i].LeafIndex} is opened but was not drawn.", openings[i].LeafIndex, hashes);
            }
        }

        for (var i = 0; i < openings.Count; i++)
        {
            var opening = openings[i];
            var expected = recomputeLeaf(opening.LeafIndex);
            if (expected.PayloadHash != opening.Leaf.PayloadHash || expected.Sums != opening.Leaf.Sums)
            {
                return Fail(
                    SpotCheckRejection.LeafMismatch,
                    $"Leaf {opening.LeafIndex}: opened payload {opening.Leaf.PayloadHash}, sums {opening.Leaf.Sums}; recomputed payload {expected.PayloadHash}, sums {expected.Sums}.",
                    opening.LeafIndex,
                    hashes,
                    leavesRecomputed: i + 1);
            }
        }

        return new SpotCheckVerdict(SpotCheckRejection.None, string.Empty, -1, MerkleSumRejection.None, openings.Count, hashes);
    }

    private static SpotCheckVerdict Fail(
        SpotCheckRejection rejection, string detail, long leafIndex, long hashes, MerkleSumRejection opening = MerkleSumRejection.None, int leavesRecomputed = 0) =>
        new(rejection, detail, leafIndex, opening, leavesRecomputed, hashes);

    private static int FindLeaf(IReadOnlyList<MerkleSumOpening> openings, long index)
    {
        int low = 0, high = openings.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var at = openings[middle].LeafIndex;
            if (at == index)
            {
                return middle;
            }

            if (at < index)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    /// <summary>The last opening whose interval starts at or below the target (starts are non-decreasing in leaf order).</summary>
    private static int LastStartAtOrBelow(UInt128[] starts, UInt128 target)
    {
        int low = 0, high = starts.Length - 1, found = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (starts[middle] <= target)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }
}
