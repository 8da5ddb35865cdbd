namespace Assay.Numerics.Tests.Elementary;

/// <summary>Distances between doubles in units in the last place.</summary>
internal static class Ulp
{
    /// <summary>Position of a double on the line of all doubles (±0 both at 0), so that neighbours differ by 1.</summary>
    public static long Ordinal(double x)
    {
        var b = BitConverter.DoubleToInt64Bits(x);
        return b >= 0 ? b : -(b & long.MaxValue);
    }

    /// <summary>Number of doubles stepped over between a and b (0 when equal, 1 for neighbours).</summary>
    public static long Distance(double a, double b) => Math.Abs(Ordinal(a) - Ordinal(b));

    /// <summary>2^(max(e, −1022) − 52), e the binary exponent of y: the spacing of doubles in y's binade.</summary>
    public static double Of(double y) => Math.ScaleB(1.0, Math.Max(Math.ILogB(Math.Abs(y)), -1022) - 52);

    /// <summary>Bit pattern as 16 hex digits, for failure messages.</summary>
    public static string Hex(double x) => BitConverter.DoubleToInt64Bits(x).ToString("X16", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True when both are NaN or both have the same bits.</summary>
    public static bool SameBits(double a, double b) =>
        (double.IsNaN(a) && double.IsNaN(b)) || BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);
}
