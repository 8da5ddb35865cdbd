namespace Assay.Pricing.Batch;

/// <summary>One SIMD register of doubles (or a single double) with the operations the analytic kernels use.</summary>
/// <remarks>
/// A kernel written once against this interface runs the same IEEE-754 operation sequence in every lane, so the
/// scalar instantiation and the vector instantiations give the same bits per item. Branches are expressed as
/// masks and <see cref="Select"/>; <see cref="Any"/> only lets a kernel skip work that no lane needs.
/// </remarks>
/// <typeparam name="TSelf">The lane type.</typeparam>
/// <typeparam name="TMask">The comparison mask type: <see cref="bool"/> for scalars, a vector of all-ones/zero lanes otherwise.</typeparam>
internal interface ILane<TSelf, TMask>
    where TSelf : unmanaged, ILane<TSelf, TMask>
    where TMask : unmanaged
{
    /// <summary>Number of doubles in one lane value.</summary>
    static abstract int Width { get; }

    static abstract TSelf operator +(TSelf a, TSelf b);

    static abstract TSelf operator -(TSelf a, TSelf b);

    static abstract TSelf operator *(TSelf a, TSelf b);

    static abstract TSelf operator /(TSelf a, TSelf b);

    static abstract TSelf operator -(TSelf a);

    static abstract TSelf operator +(TSelf a, double b);

    static abstract TSelf operator -(TSelf a, double b);

    static abstract TSelf operator *(TSelf a, double b);

    static abstract TSelf operator /(TSelf a, double b);

    static abstract TSelf operator +(double a, TSelf b);

    static abstract TSelf operator -(double a, TSelf b);

    static abstract TSelf operator *(double a, TSelf b);

    static abstract TSelf operator /(double a, TSelf b);

    /// <summary>Reads <see cref="Width"/> consecutive doubles starting at <paramref name="index"/>.</summary>
    static abstract TSelf Load(ReadOnlySpan<double> source, int index);

    /// <summary>Writes <see cref="Width"/> consecutive doubles starting at <paramref name="index"/>.</summary>
    static abstract void Store(TSelf value, Span<double> destination, int index);

    /// <summary>Mask of the lanes whose 32-bit integer at <paramref name="index"/> + lane is zero.</summary>
    static abstract TMask IsZero(ReadOnlySpan<int> source, int index);

    /// <summary>Broadcasts a constant to every lane.</summary>
    static abstract TSelf Constant(double value);

    /// <summary>|a|, by clearing the sign bit.</summary>
    static abstract TSelf Abs(TSelf a);

    /// <summary>Lane-wise a &gt; b ? a : b (compare and select: no IEEE ±0/NaN fix-ups, the same in every lane type).</summary>
    static abstract TSelf Max(TSelf a, TSelf b);

    /// <summary>Lane-wise a &lt; b ? a : b (compare and select: no IEEE ±0/NaN fix-ups, the same in every lane type).</summary>
    static abstract TSelf Min(TSelf a, TSelf b);

    static abstract TMask LessThan(TSelf a, TSelf b);

    static abstract TMask LessThanOrEqual(TSelf a, TSelf b);

    static abstract TMask GreaterThan(TSelf a, TSelf b);

    static abstract TMask GreaterThanOrEqual(TSelf a, TSelf b);

    static abstract TMask Equal(TSelf a, TSelf b);

    static abstract TMask And(TMask a, TMask b);

    static abstract TMask Or(TMask a, TMask b);

    static abstract TMask AndNot(TMask a, TMask b);

    /// <summary>True when the mask is set in at least one lane.</summary>
    static abstract bool Any(TMask mask);

    /// <summary>True when the mask is set in every lane.</summary>
    static abstract bool All(TMask mask);

    /// <summary>Per lane: <paramref name="whenTrue"/> where the mask is set, <paramref name="whenFalse"/> elsewhere.</summary>
    static abstract TSelf Select(TMask mask, TSelf whenTrue, TSelf whenFalse);

    static abstract TSelf Sqrt(TSelf x);

    static abstract TSelf Exp(TSelf x);

    static abstract TSelf Log(TSelf x);

    static abstract TSelf Erfcx(TSelf x);
}
