using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Assay.Numerics.RandomNumbers;

/// <content>The AVX2 block kernel: two four-lane streams, rounds unrolled, no per-round masking.</content>
public readonly partial struct Philox4x32
{
    /// <summary>
    /// Philox4x32-10 of two four-lane counter sets with the rounds of both interleaved and unrolled, keys from
    /// <see cref="FillRoundKeys"/>; requires
    /// <see cref="Avx2.IsSupported"/>. Same bits as <see cref="Generate(Philox4x32Lanes, Philox4x32Key)"/> in the low
    /// 32 bits of each lane; the high 32 bits of the results are not cleared (see remarks).
    /// </summary>
    /// <remarks>
    /// <c>vpmuludq</c> reads only the low 32 bits of each 64-bit lane, and the high bits of a word reach the output only
    /// through XORs into words that are next used as multiplicands, so leaving them uncleared between rounds changes no
    /// low 32-bit word: only words 1 and 3 (the products) keep defined highs (the product's high half) and words 0 and 2
    /// carry garbage above bit 31. Callers combine words as <c>(W0 &amp; 0xFFFFFFFF) | (W1 ≪ 32)</c>, which discards it.
    /// The XOR is associated as hi ⊕ (x ⊕ k) so that x ⊕ k does not wait for the product.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void GenerateUnmasked(ref readonly Vector256<ulong> roundKeys, ref Philox4x32Lanes first, ref Philox4x32Lanes second)
    {
        // The keys are read through a reference, so they stay memory operands instead of occupying registers
        // (8 words, 2 multipliers and the temporaries fill the 16 ymm registers; a spilled word lengthens the chain).
        ref var k = ref Unsafe.AsRef(in roundKeys);
        var a = first;
        var b = second;

        // Fully unrolled (Rounds = 10): no loop-carried register shuffling between rounds.
        a = Round(a, Unsafe.Add(ref k, 0), Unsafe.Add(ref k, 1));
        b = Round(b, Unsafe.Add(ref k, 0), Unsafe.Add(ref k, 1));
        a = Round(a, Unsafe.Add(ref k, 2), Unsafe.Add(ref k, 3));
        b = Round(b, Unsafe.Add(ref k, 2), Unsafe.Add(ref k, 3));
        a = Round(a, Unsafe.Add(ref k, 4), Unsafe.Add(ref k, 5));
        b = Round(b, Unsafe.Add(ref k, 4), Unsafe.Add(ref k, 5));
        a = Round(a, Unsafe.Add(ref k, 6), Unsafe.Add(ref k, 7));
        b = Round(b, Unsafe.Add(ref k, 6), Unsafe.Add(ref k, 7));
        a = Round(a, Unsafe.Add(ref k, 8), Unsafe.Add(ref k, 9));
        b = Round(b, Unsafe.Add(ref k, 8), Unsafe.Add(ref k, 9));
        a = Round(a, Unsafe.Add(ref k, 10), Unsafe.Add(ref k, 11));
        b = Round(b, Unsafe.Add(ref k, 10), Unsafe.Add(ref k, 11));
        a = Round(a, Unsafe.Add(ref k, 12), Unsafe.Add(ref k, 13));
        b = Round(b, Unsafe.Add(ref k, 12), Unsafe.Add(ref k, 13));
        a = Round(a, Unsafe.Add(ref k, 14), Unsafe.Add(ref k, 15));
        b = Round(b, Unsafe.Add(ref k, 14), Unsafe.Add(ref k, 15));
        a = Round(a, Unsafe.Add(ref k, 16), Unsafe.Add(ref k, 17));
        b = Round(b, Unsafe.Add(ref k, 16), Unsafe.Add(ref k, 17));
        a = Round(a, Unsafe.Add(ref k, 18), Unsafe.Add(ref k, 19));
        b = Round(b, Unsafe.Add(ref k, 18), Unsafe.Add(ref k, 19));

        first = a;
        second = b;
    }

    /// <summary>
    /// Writes the round keys of <paramref name="key"/> for <see cref="GenerateUnmasked"/>: element 2r holds key word 0 of
    /// round r (K0 + r·<see cref="WeylA"/> mod 2^32) and element 2r + 1 key word 1, in every 32-bit lane.
    /// </summary>
    /// <remarks>A 64-bit lane thus carries the key in its low half and a copy in its high half, which only reaches the
    /// uncleared high halves of words 0 and 2.</remarks>
    /// <param name="key">The key.</param>
    /// <param name="roundKeys">Receives 2·<see cref="Rounds"/> vectors.</param>
    internal static void FillRoundKeys(Philox4x32Key key, Span<Vector256<ulong>> roundKeys)
    {
        var k0 = Vector256.Create(key.K0);
        var k1 = Vector256.Create(key.K1);
        var roundKeys20 = roundKeys[..(2 * Rounds)];
        for (var r = 0; r < Rounds; r++)
        {
            roundKeys20[2 * r] = k0.AsUInt64();
            roundKeys20[(2 * r) + 1] = k1.AsUInt64();
            k0 += Vector256.Create(WeylA);
            k1 += Vector256.Create(WeylB);
        }
    }

    /// <summary>
    /// <see cref="Generate(Philox4x32Lanes, Philox4x32Key)"/> on AVX2: the same bits, rounds unrolled, keys stepped in
    /// registers, words masked once at the end instead of every round (see <see cref="GenerateUnmasked"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Philox4x32Lanes GenerateAvx2(Philox4x32Lanes counters, Philox4x32Key key)
    {
        // 32-bit lane keys: K + r·Weyl wraps mod 2^32 as in the scalar schedule; the copy in the high half of each
        // 64-bit lane only reaches the uncleared high halves of words 0 and 2.
        var key0 = Vector256.Create(key.K0);
        var key1 = Vector256.Create(key.K1);
        var x = counters;
        x = Round(x, key0.AsUInt64(), key1.AsUInt64());
        key0 += Vector256.Create(WeylA);
        key1 += Vector256.Create(WeylB);
        x = Round(x, key0.AsUInt64(), key1.AsUInt64());
        key0 += Vector256.Create(WeylA);
        key1 += Vector256.Create(WeylB);
        x = Round(x, key0.AsUInt64(), key1.AsUInt64());
        key0 += Vector256.Create(WeylA);
        key1 += Vector256.Create(WeylB);
        x = Round(x, key0.AsUInt64(), key1.AsUInt64());
        key0 += Vector256.Create(WeylA);
        key1 += Vector256.Create(WeylB);
        x = Round(x, key0.AsUInt64(), key1.AsUInt64());
        key0 += Vector256.Create(WeylA);
        key1 += Vector256.Create(WeylB);
        x = Round(x, key0.AsUInt64(), key1.AsUInt64());
        key0 += Vector256.Create(WeylA);
        key1 += Vector256.Create(WeylB);
        x = Round(x, key0.AsUInt64(), key1.AsUInt64());
        key0 += Vector256.Create(WeylA);
        key1 += Vector256.Create(WeylB);
        x = Round(x, key0.AsUInt64(), key1.AsUInt64());
        key0 += Vector256.Create(WeylA);
        key1 += Vector256.Create(WeylB);
        x = Round(x, key0.AsUInt64(), key1.AsUInt64());
        key0 += Vector256.Create(WeylA);
        key1 += Vector256.Create(WeylB);
        x = Round(x, key0.AsUInt64(), key1.AsUInt64());

        var low32 = Vector256.Create(0xFFFF_FFFFUL);
        return new Philox4x32Lanes(x.W0 & low32, x.W1 & low32, x.W2 & low32, x.W3 & low32);
    }

    /// <summary>One Philox round on AVX2 without clearing the high halves of words 0 and 2 (see <see cref="GenerateUnmasked"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Philox4x32Lanes Round(Philox4x32Lanes x, Vector256<ulong> key0, Vector256<ulong> key1)
    {
        var p0 = Avx2.Multiply(x.W0.AsUInt32(), Vector256.Create(MultiplierA).AsUInt32());
        var p1 = Avx2.Multiply(x.W2.AsUInt32(), Vector256.Create(MultiplierB).AsUInt32());
        var y0 = Vector256.ShiftRightLogical(p1, 32) ^ (x.W1 ^ key0);
        var y2 = Vector256.ShiftRightLogical(p0, 32) ^ (x.W3 ^ key1);
        return new Philox4x32Lanes(y0, p1, y2, p0);
    }
}
