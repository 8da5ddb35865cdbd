namespace Assay.Numerics.RandomNumbers;

/// <summary>The two 32-bit key words of Philox4x32.</summary>
/// <remarks>In Random123's notation, <see cref="K0"/> is <c>key[0]</c> and <see cref="K1"/> is <c>key[1]</c>.</remarks>
/// <param name="K0">Key word 0.</param>
/// <param name="K1">Key word 1.</param>
public readonly record struct Philox4x32Key(uint K0, uint K1)
{
    /// <summary>Splits a 64-bit seed into key words: <c>K0</c> = low 32 bits, <c>K1</c> = high 32 bits.</summary>
    public static Philox4x32Key FromSeed(ulong seed) => new((uint)seed, (uint)(seed >> 32));
}
