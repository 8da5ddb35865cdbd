using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Assay.Proofs.Hashing;

namespace Assay.Proofs.MerkleSum;

/// <summary>SHA-256 (FIPS 180-4) of up to eight equal-length messages at once, one message per 32-bit lane of a <see cref="Vector256{T}"/>.</summary>
/// <remarks>
/// <para>Used where a tree is built: every leaf hash of a level, and every node hash of a level, has the same preimage
/// length and is independent of the others, so eight are hashed side by side in the lanes of AVX2 integer vectors. This
/// avoids the fixed cost of one native SHA-256 call per hash (≈ 0.5 µs here, more than the compression itself).</para>
/// <para>Only 32-bit additions, XOR/AND/OR and shifts: the digests are exactly those of
/// <see cref="System.Security.Cryptography.SHA256"/> on any hardware (the tests compare them for every length up to
/// several blocks). Constants: FIPS 180-4 §4.2.2 (K) and §5.3.3 (initial hash value).</para>
/// </remarks>
internal static class Sha256Lanes
{
    /// <summary>Messages hashed per call.</summary>
    public const int Width = 8;

    private static readonly uint[] RoundConstants =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    private static readonly uint[] InitialState = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

    /// <summary>Length of a message of <paramref name="messageLength"/> bytes after SHA-256 padding: a multiple of 64.</summary>
    public static int PaddedLength(int messageLength) => (messageLength + 9 + 63) & ~63;

    /// <summary>Pads the message in the first <paramref name="messageLength"/> bytes of <paramref name="lane"/> in place (0x80, zeros, bit length).</summary>
    /// <param name="lane">At least <see cref="PaddedLength"/>(<paramref name="messageLength"/>) bytes.</param>
    /// <param name="messageLength">Length of the message in bytes.</param>
    public static void Pad(Span<byte> lane, int messageLength)
    {
        var padded = PaddedLength(messageLength);
        lane[messageLength] = 0x80;
        lane[(messageLength + 1)..(padded - 8)].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(lane.Slice(padded - 8, 8), (ulong)messageLength * 8);
    }

    /// <summary>The SHA-256 digests of <paramref name="count"/> padded messages.</summary>
    /// <param name="messages">Message j at offset j·<paramref name="stride"/>, already padded with <see cref="Pad"/>.</param>
    /// <param name="stride">The padded length of every message (a multiple of 64).</param>
    /// <param name="count">Number of messages, 1 to <see cref="Width"/>.</param>
    /// <param name="digests">Receives digest j at index j.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Hash(ReadOnlySpan<byte> messages, int stride, int count, Span<Hash256> digests)
    {
        Span<int> offsets = stackalloc int[Width];
        for (var j = 0; j < Width; j++)
        {
            // Unused lanes repeat message 0; their digests are dropped.
            offsets[j] = j < count ? j * stride : 0;
        }

        var h0 = Vector256.Create(InitialState[0]);
        var h1 = Vector256.Create(InitialState[1]);
        var h2 = Vector256.Create(InitialState[2]);
        var h3 = Vector256.Create(InitialState[3]);
        var h4 = Vector256.Create(InitialState[4]);
        var h5 = Vector256.Create(InitialState[5]);
        var h6 = Vector256.Create(InitialState[6]);
        var h7 = Vector256.Create(InitialState[7]);
        Span<Vector256<uint>> w = stackalloc Vector256<uint>[16];
        var k = RoundConstants;
        for (var block = 0; block < stride; block += 64)
        {
            for (var t = 0; t < 16; t++)
            {
                var at = block + (4 * t);
                w[t] = Vector256.Create(
                    Word(messages, offsets[0] + at), Word(messages, offsets[1] + at), Word(messages, offsets[2] + at), Word(messages, offsets[3] + at),
                    Word(messages, offsets[4] + at), Word(messages, offsets[5] + at), Word(messages, offsets[6] + at), Word(messages, offsets[7] + at));
            }

            Vector256<uint> a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
            for (var t = 0; t < 64; t++)
            {
                Vector256<uint> wt;
                if (t < 16)
                {
                    wt = w[t];
                }
                else
                {
                    var w15 = w[(t - 15) & 15];
                    var w2 = w[(t - 2) & 15];
                    var small0 = Rotr(w15, 7) ^ Rotr(w15, 18) ^ Vector256.ShiftRightLogical(w15, 3);
                    var small1 = Rotr(w2, 17) ^ Rotr(w2, 19) ^ Vector256.ShiftRightLogical(w2, 10);
                    wt = w[t & 15] + small0 + w[(t - 7) & 15] + small1;
                    w[t & 15] = wt;
                }

                var t1 = h + (Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25)) + Vector256.ConditionalSelect(e, f, g) + Vector256.Create(k[t]) + wt;
                var t2 = (Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22)) + Vector256.ConditionalSelect(a ^ b, c, b);
                h = g;
                g = f;
                f = e;
                e = d + t1;
                d = c;
                c = b;
                b = a;
                a = t1 + t2;
            }

            h0 += a;
            h1 += b;
            h2 += c;
            h3 += d;
            h4 += e;
            h5 += f;
            h6 += g;
            h7 += h;
        }

        Span<byte> digest = stackalloc byte[Hash256.Length];
        for (var j = 0; j < count; j++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest, h0.GetElement(j));
            BinaryPrimitives.WriteUInt32BigEndian(digest[4..], h1.GetElement(j));
            BinaryPrimitives.WriteUInt32BigEndian(digest[8..], h2.GetElement(j));
            BinaryPrimitives.WriteUInt32BigEndian(digest[12..], h3.GetElement(j));
            BinaryPrimitives.WriteUInt32BigEndian(digest[16..], h4.GetElement(j));
            BinaryPrimitives.WriteUInt32BigEndian(digest[20..], h5.GetElement(j));
            BinaryPrimitives.WriteUInt32BigEndian(digest[24..], h6.GetElement(j));
            BinaryPrimitives.WriteUInt32BigEndian(digest[28..], h7.GetElement(j));
            digests[j] = new Hash256(digest);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Word(ReadOnlySpan<byte> messages, int offset) => BinaryPrimitives.ReadUInt32BigEndian(messages.Slice(offset, 4));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Rotr(Vector256<uint> x, [ConstantExpected(Min = 1, Max = 31)] int n) =>
        Vector256.ShiftRightLogical(x, n) | Vector256.ShiftLeft(x, 32 - n);
}
