namespace Assay.Proofs.Canonical;

/// <summary>The registry of type tags that open canonical encodings, one per encodable type.</summary>
/// <remarks>
/// Ranges: 0x0000 is never used; 0x01xx Assay.Proofs (0x0100–0x010F Merkle trees, 0x0110–0x011F Merkle-sum trees,
/// 0x0120–0x012F keys and signatures, 0x0130–0x013F spot checks, commit–reveal and the VDF); 0x02xx Assay.Compute;
/// 0x03xx Assay.Ledger; 0xFFxx tests only. A tag is never reused for another type, even after the type is retired.
/// A test checks that all encodable types in an assembly have distinct tags.
/// </remarks>
public static class CanonicalTypeTags
{
    /// <summary>Tag of <see cref="Merkle.InclusionProof"/>.</summary>
    public const ushort InclusionProof = 0x0101;

    /// <summary>Tag of <see cref="Merkle.ConsistencyProof"/>.</summary>
    public const ushort ConsistencyProof = 0x0102;
}
