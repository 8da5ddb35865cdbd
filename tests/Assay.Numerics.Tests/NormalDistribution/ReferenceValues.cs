using System.Globalization;

namespace Assay.Numerics.Tests.NormalDistribution;

/// <summary>Reads the mpmath reference tables written by tests/data/numerics/normal/generate_normal.py.</summary>
internal static class ReferenceValues
{
    public static IReadOnlyList<(double Input, double Expected)> Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "numerics", "normal", file);
        var rows = new List<(double, double)>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var parts = line.Split(',');
            rows.Add((FromHex(parts[0]), FromHex(parts[1])));
        }

        return rows;
    }

    /// <summary>Distance in units in the last place: the number of doubles between a and b (0 if both NaN).</summary>
    public static double UlpDistance(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b))
        {
            return double.IsNaN(a) && double.IsNaN(b) ? 0 : double.PositiveInfinity;
        }

        return Math.Abs((double)(Ordered(a) - Ordered(b)));
    }

    public static string Hex(double x) => BitConverter.DoubleToInt64Bits(x).ToString("x16", CultureInfo.InvariantCulture);

    private static long Ordered(double x)
    {
        var bits = BitConverter.DoubleToInt64Bits(x);
        return bits < 0 ? long.MinValue - bits : bits;
    }

    private static double FromHex(string hex) =>
        BitConverter.Int64BitsToDouble(long.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
}
