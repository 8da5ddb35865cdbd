namespace Assay.Compute.Tasks;

/// <summary>The canonical type tags of Assay.Compute, from the 0x02xx range that <c>CanonicalTypeTags</c> reserves for it.</summary>
/// <remarks>A tag is never reused for another type, even after the type is retired.</remarks>
public static class ComputeTypeTags
{
    /// <summary>Tag of <see cref="TaskSpec"/>.</summary>
    public const ushort TaskSpec = 0x0201;

    /// <summary>Tag of <see cref="TaskResult"/>.</summary>
    public const ushort TaskResult = 0x0202;

    /// <summary>Tag of <see cref="Kinds.MonteCarloInputs"/>.</summary>
    public const ushort MonteCarloInputs = 0x0210;

    /// <summary>Tag of <see cref="Kinds.PriceBookInputs"/>.</summary>
    public const ushort PriceBookInputs = 0x0220;
}
