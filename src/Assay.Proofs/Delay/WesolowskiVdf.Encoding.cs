using System.Buffers.Binary;
using System.Numerics;
using Assay.Proofs.Hashing;

namespace Assay.Proofs.Delay;

/// <content>The canonical encoding of a <see cref="VdfProof"/>.</content>
public sealed partial class WesolowskiVdf
{
    /// <summary>The encoding's version byte.</summary>
    public const byte EncodingVersion = 1;

    /// <summary>Length of an encoded proof: version (1) ‖ seed (32) ‖ u64le T (8) ‖ y (w) ‖ π (w); 553 bytes for RSA-2048.</summary>
    public int EncodedProofLength => 1 + Hash256.Length + 8 + (2 * ElementLength);

    /// <summary>Encodes a proof: version 1, seed, T as u64 little-endian, y and π as w-byte little-endian integers.</summary>
    /// <exception cref="ArgumentException">The proof's delay is out of range or y or π are not canonical elements.</exception>
    public byte[] Encode(VdfProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (!IsValidDelay(proof.DelaySquarings) || !IsCanonicalElement(proof.Output) || !IsCanonicalElement(proof.Proof))
        {
            throw new ArgumentException("Only a proof with a delay in range and canonical y and π has an encoding.", nameof(proof));
        }

        var bytes = new byte[EncodedProofLength];
        bytes[0] = EncodingVersion;
        proof.Seed.WriteTo(bytes.AsSpan(1));
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(1 + Hash256.Length), (ulong)proof.DelaySquarings);
        WriteElement(proof.Output, bytes.AsSpan(1 + Hash256.Length + 8, ElementLength));
        WriteElement(proof.Proof, bytes.AsSpan(1 + Hash256.Length + 8 + ElementLength, ElementLength));
        return bytes;
    }

    /// <summary>Decodes untrusted bytes into a proof whose fields are in range (it may still fail <see cref="Verify"/>).</summary>
    /// <exception cref="FormatException">Wrong length or version, delay out of range, or y or π not in [1, (N − 1)/2].</exception>
    public VdfProof Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != EncodedProofLength)
        {
            throw new FormatException($"VDF proof at offset 0: expected {EncodedProofLength} bytes, got {bytes.Length}.");
        }

        if (bytes[0] != EncodingVersion)
        {
            throw new FormatException($"VDF proof at offset 0: expected version {EncodingVersion}, got {bytes[0]}.");
        }

        var seed = new Hash256(bytes.Slice(1, Hash256.Length));
        var delay = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(1 + Hash256.Length)..]);
        if (delay > MaxDelaySquarings || !IsValidDelay((long)delay))
        {
            throw new FormatException($"VDF proof at offset {1 + Hash256.Length}: delay {delay} is outside [{MinDelaySquarings}, {MaxDelaySquarings}].");
        }

        var yOffset = 1 + Hash256.Length + 8;
        var y = new BigInteger(bytes.Slice(yOffset, ElementLength), isUnsigned: true, isBigEndian: false);
        if (!IsCanonicalElement(y))
        {
            throw new FormatException($"VDF proof at offset {yOffset}: y is not in [1, (N − 1)/2].");
        }

        var piOffset = yOffset + ElementLength;
        var pi = new BigInteger(bytes.Slice(piOffset, ElementLength), isUnsigned: true, isBigEndian: false);
        if (!IsCanonicalElement(pi))
        {
            throw new FormatException($"VDF proof at offset {piOffset}: π is not in [1, (N − 1)/2].");
        }

        return new VdfProof(seed, (long)delay, y, pi);
    }
}
