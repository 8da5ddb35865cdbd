using Assay.Proofs.Hashing;

namespace Assay.Ledger.Blocks;

/// <summary>The block-hash chain beacon: DomainHash("assay/ledger-beacon/v1", parent beacon ‖ block pre-hash).</summary>
/// <remarks>Grindable by the sequencer (it chooses the block contents); the VDF beacon will replace it behind <see cref="IBeaconSource"/>.</remarks>
public sealed class HashChainBeacon : IBeaconSource
{
    /// <summary>Domain tag of the beacon output.</summary>
    public const string Tag = "assay/ledger-beacon/v1";

    /// <summary>The shared instance.</summary>
    public static HashChainBeacon Instance { get; } = new();

    /// <inheritdoc/>
    public Hash256 Next(Hash256 parentBeacon, Hash256 preHash)
    {
        Span<byte> parent = stackalloc byte[Hash256.Length];
        Span<byte> block = stackalloc byte[Hash256.Length];
        parentBeacon.WriteTo(parent);
        preHash.WriteTo(block);
        return DomainHash.Compute(Tag, parent, block);
    }
}
