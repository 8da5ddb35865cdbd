using Assay.Ledger.Blocks;
using Assay.Proofs.Hashing;

namespace Assay.Ledger.Tests;

/// <summary>A test beacon independent of block contents (ECDSA signatures are randomised, so block hashes differ between runs): beacon_h = H(beacon_{h−1}).</summary>
internal sealed class CountingBeacon : IBeaconSource
{
    public Hash256 Next(Hash256 parentBeacon, Hash256 preHash) => DomainHash.Compute("assay/test-beacon/v1", parentBeacon.ToArray());

    /// <summary>The beacon of block <paramref name="height"/>.</summary>
    public Hash256 At(ulong height)
    {
        var beacon = Next(Hash256.Zero, Hash256.Zero);
        for (ulong h = 0; h < height; h++)
        {
            beacon = Next(beacon, Hash256.Zero);
        }

        return beacon;
    }
}
