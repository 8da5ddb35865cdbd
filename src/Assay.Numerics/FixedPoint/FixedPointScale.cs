namespace Assay.Numerics.FixedPoint;

/// <summary>A binary fixed-point scale: resolution 2^−<see cref="FractionBits"/> and per-item bound 2^<see cref="MagnitudeBits"/>.</summary>
/// <remarks>
/// <para>Every scale satisfies MagnitudeBits + FractionBits + 32 = 126, so <see cref="FixedPointAccumulator.MaxCount"/>
/// = 2^32 items of magnitude at most 2^MagnitudeBits sum to at most 2^126 in units of 2^−FractionBits, which fits in
/// an <see cref="Int128"/> (limit 2^127 − 1) with a factor of two to spare: no sum within the limits can overflow.</para>
/// <list type="table">
/// <listheader><term>Scale (id)</term><description>resolution; largest |item|; typical use</description></listheader>
/// <item><term><see cref="Fine"/> (1)</term><description>2^−64 ≈ 5.4e−20; 2^30 ≈ 1.07e9; Σ payoff, Σ Greeks per unit.</description></item>
/// <item><term><see cref="Medium"/> (2)</term><description>2^−48 ≈ 3.6e−15; 2^46 ≈ 7.0e13; Σ payoff² (payoffs up to 8.3e6), Greeks × notional.</description></item>
/// <item><term><see cref="Coarse"/> (3)</term><description>2^−32 ≈ 2.3e−10; 2^62 ≈ 4.6e18; large-notional portfolio sums.</description></item>
/// </list>
/// <para>The ids are part of the canonical encoding (<see cref="FixedPointAccumulator.WriteTo(Span{byte})"/>) and
/// never change meaning; <c>default(FixedPointScale)</c> has id 0 and is not a usable scale.</para>
/// </remarks>
public readonly struct FixedPointScale : IEquatable<FixedPointScale>
{
    private FixedPointScale(byte id, int fractionBits, int magnitudeBits)
    {
        Id = id;
        FractionBits = fractionBits;
        MagnitudeBits = magnitudeBits;
    }

    /// <summary>Resolution 2^−64, items up to 2^30 in magnitude (id 1).</summary>
    public static FixedPointScale Fine => new(1, 64, 30);

    /// <summary>Resolution 2^−48, items up to 2^46 in magnitude (id 2).</summary>
    public static FixedPointScale Medium => new(2, 48, 46);

    /// <summary>Resolution 2^−32, items up to 2^62 in magnitude (id 3).</summary>
    public static FixedPointScale Coarse => new(3, 32, 62);

    /// <summary>Stable identifier written in the canonical encoding (1, 2 or 3; 0 for <c>default</c>).</summary>
    public byte Id { get; }

    /// <summary>Number of fractional bits k: an item x is stored as round(x·2^k).</summary>
    public int FractionBits { get; }

    /// <summary>Items must satisfy |x| ≤ 2^MagnitudeBits.</summary>
    public int MagnitudeBits { get; }

    /// <summary>Whether this is one of the named scales (false for <c>default</c>).</summary>
    public bool IsDefined => Id != 0;

    /// <summary>Spacing of representable values, 2^−<see cref="FractionBits"/>; each item is rounded to a multiple of it.</summary>
    public double Resolution => Math.ScaleB(1.0, -FractionBits);

    /// <summary>Largest accepted item magnitude, 2^<see cref="MagnitudeBits"/> (inclusive).</summary>
    public double MaxItemMagnitude => Math.ScaleB(1.0, MagnitudeBits);

    /// <summary>The named scale with this id.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The id is not 1, 2 or 3.</exception>
    public static FixedPointScale FromId(byte id) =>
        TryFromId(id, out var scale)
            ? scale
            : throw new ArgumentOutOfRangeException(nameof(id), id, "Fixed-point scale id must be 1 (Fine), 2 (Medium) or 3 (Coarse).");

    /// <summary>Looks up the named scale with this id.</summary>
    public static bool TryFromId(byte id, out FixedPointScale scale)
    {
        scale = id switch
        {
            1 => Fine,
            2 => Medium,
            3 => Coarse,
            _ => default,
        };
        return scale.IsDefined;
    }

    /// <summary>Whether two scales are the same.</summary>
    public static bool operator ==(FixedPointScale left, FixedPointScale right) => left.Equals(right);

    /// <summary>Whether two scales differ.</summary>
    public static bool operator !=(FixedPointScale left, FixedPointScale right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(FixedPointScale other) => Id == other.Id;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FixedPointScale other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Id;

    /// <inheritdoc/>
    public override string ToString() => Id switch
    {
        1 => "Fine (2^-64, |item| <= 2^30)",
        2 => "Medium (2^-48, |item| <= 2^46)",
        3 => "Coarse (2^-32, |item| <= 2^62)",
        _ => "Undefined",
    };
}
