namespace Assay.Proofs.Canonical;

/// <summary>Upper bounds that a canonical reader (and writer) enforces, so that untrusted input cannot exhaust memory or stack.</summary>
/// <remarks>
/// Each read of a byte string, string or sequence also takes its own, usually much smaller, per-call maximum; the
/// effective bound is the smaller of the two. The writer enforces the same limits, so it never produces bytes that a
/// reader with the same limits refuses.
/// </remarks>
/// <param name="MaxTotalBytes">Longest accepted input (and longest produced output), in bytes.</param>
/// <param name="MaxByteStringLength">Longest byte string or UTF-8 string, in bytes.</param>
/// <param name="MaxSequenceCount">Largest element count of one sequence.</param>
/// <param name="MaxDepth">Deepest nesting of objects; a top-level object is at depth 1.</param>
public readonly record struct CanonicalLimits(int MaxTotalBytes, int MaxByteStringLength, int MaxSequenceCount, int MaxDepth)
{
    /// <summary>64 MiB input, 16 MiB strings, 2^20 elements per sequence, depth 32.</summary>
    public static CanonicalLimits Default { get; } = new(64 << 20, 16 << 20, 1 << 20, 32);

    /// <summary>Throws when a bound is not positive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is zero or negative.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxTotalBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxByteStringLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxSequenceCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxDepth);
    }
}
