using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Assay.Numerics.RandomNumbers;

/// <content>Two independent four-lane streams advanced round by round together.</content>
public readonly partial struct Philox4x32
{
    /// <summary>
    /// <see cref="Generate(Philox4x32Lanes, Philox4x32Key)"/> of <paramref name="first"/> and of <paramref name="second"/>,
    /// the same bits, with the rounds of the two streams interleaved.
    /// </summary>
    /// <remarks>
    /// One stream is a chain of ten dependent multiply–xor rounds, so a single call leaves most of the vector units
    /// idle; two independent chains side by side roughly double the throughput (measured about 1.5× per uniform).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Generate(
        in Philox4x32Lanes first, in Philox4x32Lanes second, Philox4x32Key key, out Philox4x32Lanes firstResult, out Philox4x32Lanes secondResult)
    {
        var low32 = Vector256.Create(0xFFFF_FFFFUL);
        var multiplierA = Vector256.Create((ulong)MultiplierA);
        var multiplierB = Vector256.Create((ulong)MultiplierB);
        var a0 = first.W0 & low32;
        var a1 = first.W1 & low32;
        var a2 = first.W2 & low32;
        var a3 = first.W3 & low32;
        var b0 = second.W0 & low32;
        var b1 = second.W1 & low32;
        var b2 = second.W2 & low32;
        var b3 = second.W3 & low32;
        uint k0 = key.K0, k1 = key.K1;
        for (var round = 0; round < Rounds; round++)
        {
            var key0 = Vector256.Create((ulong)k0);
            var key1 = Vector256.Create((ulong)k1);
            var pa0 = WideningMultiply(a0, multiplierA);
            var pa1 = WideningMultiply(a2, multiplierB);
            var pb0 = WideningMultiply(b0, multiplierA);
            var pb1 = WideningMultiply(b2, multiplierB);
            var ya0 = Vector256.ShiftRightLogical(pa1, 32) ^ a1 ^ key0;
            var ya2 = Vector256.ShiftRightLogical(pa0, 32) ^ a3 ^ key1;
            var yb0 = Vector256.ShiftRightLogical(pb1, 32) ^ b1 ^ key0;
            var yb2 = Vector256.ShiftRightLogical(pb0, 32) ^ b3 ^ key1;
            a1 = pa1 & low32;
            a3 = pa0 & low32;
            a0 = ya0;
            a2 = ya2;
            b1 = pb1 & low32;
            b3 = pb0 & low32;
            b0 = yb0;
            b2 = yb2;
            k0 += WeylA;
            k1 += WeylB;
        }

        firstResult = new Philox4x32Lanes(a0, a1, a2, a3);
        secondResult = new Philox4x32Lanes(b0, b1, b2, b3);
    }
}
