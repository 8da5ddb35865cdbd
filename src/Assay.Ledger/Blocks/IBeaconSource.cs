using Assay.Proofs.Hashing;

namespace Assay.Ledger.Blocks;

/// <summary>The seam for the randomness beacon: derives a block's beacon output from the parent's output and the block's pre-hash.</summary>
/// <remarks>Today <see cref="HashChainBeacon"/>; the VDF-hardened beacon (Assay.Proofs.Delay) will implement this with
/// the proof carried in the block, so that the sequencer cannot grind the output.</remarks>
public interface IBeaconSource
{
    /// <summary>The beacon output of a block.</summary>
    /// <param name="parentBeacon">The parent block's beacon output (zero for genesis).</param>
    /// <param name="preHash">The block's header hash with the beacon field zero.</param>
    Hash256 Next(Hash256 parentBeacon, Hash256 preHash);
}
