using System.Runtime.CompilerServices;

namespace Assay.Numerics.RandomNumbers;

/// <summary>The Philox4x32-10 counter-based generator: a keyed bijection of 128-bit counters.</summary>
/// <remarks>
/// Salmon, Moraes, Dror and Shaw, "Parallel random numbers: as easy as 1, 2, 3", SC'11 (2011), §3.3 and
/// Table 2: each round multiplies words 0 and 2 by <see cref="MultiplierA"/> and <see cref="MultiplierB"/>
/// (32×32→64 bits), swaps and XORs the high halves with the other words and the round key; the key is bumped
/// by the Weyl constants <see cref="WeylA"/> and <see cref="WeylB"/> between rounds. The output equals
/// Random123's <c>philox4x32_R(10, ctr, key)</c> word for word (checked against its published kat_vectors).
/// The value holds the key, so a generator is immutable and can be shared by any number of threads.
/// </remarks>
/// <param name="key">The key (for Assay's variates, the task seed; see <see cref="Variates"/>).</param>
public readonly partial struct Philox4x32(Philox4x32Key key)
{
    /// <summary>Number of rounds (10, the value Salmon et al. recommend as "Crush-resistant with a safety margin").</summary>
    public const int Rounds = 10;

    /// <summary>Round multiplier for word 0 (0xD2511F53).</summary>
    public const uint MultiplierA = 0xD2511F53;

    /// <summary>Round multiplier for word 2 (0xCD9E8D57).</summary>
    public const uint MultiplierB = 0xCD9E8D57;

    /// <summary>Weyl key increment for key word 0 (0x9E3779B9, the golden ratio).</summary>
    public const uint WeylA = 0x9E3779B9;

    /// <summary>Weyl key increment for key word 1 (0xBB67AE85, √3 − 1).</summary>
    public const uint WeylB = 0xBB67AE85;

    /// <summary>The key this generator applies.</summary>
    public Philox4x32Key Key { get; } = key;

    /// <summary>Applies the generator to one counter.</summary>
    public Philox4x32Block Generate(Philox4x32Block counter) => Generate(counter, Key);

    /// <summary>The pure function (counter, key) → 4×32 random bits of Philox4x32-10.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Philox4x32Block Generate(Philox4x32Block counter, Philox4x32Key key) =>
        Generate(counter, key, Rounds);

    /// <summary>Philox4x32 with a given round count (Random123 also publishes answers for 7 rounds).</summary>
    internal static Philox4x32Block Generate(Philox4x32Block counter, Philox4x32Key key, int rounds)
    {
        uint x0 = counter.W0, x1 = counter.W1, x2 = counter.W2, x3 = counter.W3;
        uint k0 = key.K0, k1 = key.K1;
        for (var round = 0; round < rounds; round++)
        {
            var p0 = Math.BigMul(MultiplierA, x0);
            var p1 = Math.BigMul(MultiplierB, x2);
            var y0 = (uint)(p1 >> 32) ^ x1 ^ k0;
            var y2 = (uint)(p0 >> 32) ^ x3 ^ k1;
            x1 = (uint)p1;
            x3 = (uint)p0;
            x0 = y0;
            x2 = y2;

            // Bumping after the last round too is harmless and keeps the loop body branch-free.
            k0 += WeylA;
            k1 += WeylB;
        }

        return new Philox4x32Block(x0, x1, x2, x3);
    }
}
