using Assay.Proofs.Delay;
using Assay.Proofs.Hashing;

namespace Assay.Ledger.Beacon;

/// <summary>The VDF-hardened beacon: the beacon of block h is the hash of the Wesolowski VDF output (RSA-2048) on input H(parent beacon ‖ pre-hash).</summary>
/// <remarks>
/// <para>Input seed = DomainHash("assay/ledger-vdf-input/v1", parent beacon ‖ pre-hash). The proof is
/// <see cref="WesolowskiVdf.Encode"/> of the evaluation (553 bytes for RSA-2048: version, seed, u64le T, y, π). The
/// output is DomainHash("assay/ledger-vdf-beacon/v1", y as 256 little-endian bytes), y being the canonical (±) VDF output,
/// which is unique for a given seed and delay, so the header commits to it and the proof need not be hashed.</para>
/// <para>A sequencer that wants a different beacon must try other block contents, and each try costs the full delay,
/// during which it cannot publish the block. The delay is the protocol parameter
/// <see cref="State.ProtocolParameters.BeaconDelaySquarings"/> in force for the block (governance may change it); the
/// proof's own T must equal it.</para>
/// </remarks>
public sealed class VdfBeacon : IVerifiableBeaconSource
{
    /// <summary>Domain tag of the VDF input seed.</summary>
    public const string InputTag = "assay/ledger-vdf-input/v1";

    /// <summary>Domain tag of the beacon output.</summary>
    public const string OutputTag = "assay/ledger-vdf-beacon/v1";

    /// <summary>The production delay and the parameter's default, 2^20 squarings: about 5 s of one core here, verified in about 12 ms (docs/ledger.md, "Beacon").</summary>
    public const long ProductionDelaySquarings = 1L << 20;

    private readonly WesolowskiVdf _vdf;

    /// <summary>A VDF beacon in <paramref name="vdf"/>'s group (RSA-2048 by default).</summary>
    public VdfBeacon(WesolowskiVdf? vdf = null)
    {
        _vdf = vdf ?? WesolowskiVdf.Rsa2048;
    }

    /// <summary>The RSA-2048 instance.</summary>
    public static VdfBeacon Rsa2048 { get; } = new();

    /// <summary>The VDF input seed of a block: DomainHash("assay/ledger-vdf-input/v1", parent beacon ‖ pre-hash).</summary>
    public static Hash256 Seed(Hash256 parentBeacon, Hash256 preHash)
    {
        Span<byte> parent = stackalloc byte[Hash256.Length];
        Span<byte> block = stackalloc byte[Hash256.Length];
        parentBeacon.WriteTo(parent);
        preHash.WriteTo(block);
        return DomainHash.Compute(InputTag, parent, block);
    }

    /// <summary>The output at <see cref="ProductionDelaySquarings"/> (the ledger itself calls <see cref="Evaluate"/> with the delay in force).</summary>
    public Hash256 Next(Hash256 parentBeacon, Hash256 preHash) => Evaluate(parentBeacon, preHash, ProductionDelaySquarings).Output;

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException">The delay is outside the VDF's range.</exception>
    public BeaconEvaluation Evaluate(Hash256 parentBeacon, Hash256 preHash, long delaySquarings)
    {
        var proof = _vdf.Encode(_vdf.Evaluate(Seed(parentBeacon, preHash), delaySquarings));
        return new BeaconEvaluation(OutputOf(proof), proof);
    }

    /// <inheritdoc/>
    public bool TryVerify(Hash256 parentBeacon, Hash256 preHash, long delaySquarings, ReadOnlySpan<byte> proof, out Hash256 output, out string reason)
    {
        output = Hash256.Zero;
        VdfProof decoded;
        try
        {
            decoded = _vdf.Decode(proof);
        }
        catch (FormatException e)
        {
            reason = $"beacon_proof: does not decode ({e.Message})";
            return false;
        }

        var seed = Seed(parentBeacon, preHash);
        if (decoded.Seed != seed)
        {
            reason = $"beacon_proof: the proof is for seed {decoded.Seed}; the block's seed H(parent beacon ‖ pre-hash) is {seed}.";
            return false;
        }

        if (decoded.DelaySquarings != delaySquarings)
        {
            reason = $"beacon_proof: the proof has {decoded.DelaySquarings} squarings; beacon_delay_squarings in force is {delaySquarings}.";
            return false;
        }

        if (!_vdf.Verify(decoded))
        {
            reason = "beacon_proof: the Wesolowski check π^ℓ · x^(2^T mod ℓ) = ±y fails.";
            return false;
        }

        output = OutputOf(proof);
        reason = string.Empty;
        return true;
    }

    private Hash256 OutputOf(ReadOnlySpan<byte> encodedProof) =>
        DomainHash.Compute(OutputTag, encodedProof.Slice(1 + Hash256.Length + 8, _vdf.ElementLength));
}
