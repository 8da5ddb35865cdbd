namespace Assay.Numerics.Tests.Elementary;

/// <summary>Marsaglia's xorshift64* generator: a small seeded source of test inputs.</summary>
internal sealed class XorShift(ulong seed)
{
    private ulong _state = seed == 0 ? 0x2545F4914F6CDD1DUL : seed;

    public ulong Next()
    {
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return _state * 0x2545F4914F6CDD1DUL;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextUnit() => (Next() >> 11) * (1.0 / 9007199254740992.0);
}
