namespace Assay.Numerics.RandomNumbers;

/// <summary>Four 32-bit words: a Philox4x32 counter (input) or a block of random output.</summary>
/// <remarks>In Random123's notation, <see cref="W0"/> is <c>ctr[0]</c> … <see cref="W3"/> is <c>ctr[3]</c>.</remarks>
/// <param name="W0">Word 0.</param>
/// <param name="W1">Word 1.</param>
/// <param name="W2">Word 2.</param>
/// <param name="W3">Word 3.</param>
public readonly record struct Philox4x32Block(uint W0, uint W1, uint W2, uint W3)
{
    /// <summary>Words 0 and 1 as one 64-bit value, word 0 in the low half.</summary>
    public ulong Low64 => W0 | ((ulong)W1 << 32);

    /// <summary>Words 2 and 3 as one 64-bit value, word 2 in the low half.</summary>
    public ulong High64 => W2 | ((ulong)W3 << 32);
}
