namespace Assay.Proofs.MerkleSum;

/// <summary>Why a Merkle-sum root or opening was refused (<see cref="None"/> when it was accepted).</summary>
public enum MerkleSumRejection
{
    /// <summary>Accepted.</summary>
    None = 0,

    /// <summary>Sums carry a different number of lanes than the layout.</summary>
    LaneCountMismatch,

    /// <summary>An item count exceeds FixedPointAccumulator.MaxCount (2^32), alone or added up.</summary>
    CountOutOfRange,

    /// <summary>A lane sum exceeds count × 2^(MagnitudeBits + FractionBits) of its scale: no honest sum can be that large.</summary>
    LaneOutOfRange,

    /// <summary>A lane declared non-negative has a negative sum (the negative-mass attack).</summary>
    NegativeMass,

    /// <summary>The leaf count is outside 1 … MerkleSumTree.MaxLeafCount, or the opening and the root disagree on it.</summary>
    LeafCountMismatch,

    /// <summary>The leaf index is not in [0, leaf count).</summary>
    LeafIndexOutOfRange,

    /// <summary>The opening has more or fewer siblings than the path from that leaf to the root in a tree of that size.</summary>
    PathLengthMismatch,

    /// <summary>The hash recomputed up the path is not the root hash.</summary>
    RootHashMismatch,

    /// <summary>The sums recomputed up the path are not the root sums.</summary>
    RootSumsMismatch,
}
