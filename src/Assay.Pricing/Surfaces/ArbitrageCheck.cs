namespace Assay.Pricing.Surfaces;

/// <summary>Butterfly and calendar arbitrage checks of a surface on a log-moneyness grid.</summary>
/// <remarks>
/// Butterfly: Gatheral–Jacquier's g(k) (<see cref="SviParameters.ButterflyDensity"/>) at every grid point of every
/// slice; g &lt; −<see cref="ButterflyTolerance"/> is reported. Calendar: w_i(k) − w_(i−1)(k) at every grid point for
/// consecutive slices; a decrease larger than <see cref="CalendarTolerance"/> is reported (Gatheral and Jacquier 2014,
/// Lemma 2.1: no calendar spread arbitrage iff w(k, ·) is non-decreasing at every k). Between slices the surface
/// interpolates total variance linearly (or θ for SSVI), which keeps calendar monotonicity; the butterfly condition is
/// checked at the slices only.
/// </remarks>
public static class ArbitrageCheck
{
    /// <summary>A g(k) above −1e−10 counts as non-negative (rounding noise where the density touches zero).</summary>
    public const double ButterflyTolerance = 1e-10;

    /// <summary>A total-variance decrease smaller than 1e−12 counts as none (rounding noise of equal slices).</summary>
    public const double CalendarTolerance = 1e-12;

    /// <summary>Every violation on <paramref name="grid"/>, butterflies by slice then k, then calendars by slice then k.</summary>
    /// <param name="surface">The surface.</param>
    /// <param name="grid">The k grid.</param>
    public static IReadOnlyList<ArbitrageViolation> Find(VolSurface surface, ArbitrageGrid grid)
    {
        ArgumentNullException.ThrowIfNull(surface);
        grid.Validate();
        var found = new List<ArbitrageViolation>();
        var slices = surface.Slices;
        for (var i = 0; i < slices.Count; i++)
        {
            AddButterflies(found, slices[i].Parameters, i, slices[i].ExpiryYears, grid);
        }

        for (var i = 1; i < slices.Count; i++)
        {
            AddCalendars(found, slices[i - 1].Parameters, slices[i].Parameters, i, slices[i].ExpiryYears, grid);
        }

        return found;
    }

    /// <summary>The butterfly violations of one raw SVI slice.</summary>
    /// <param name="parameters">The slice.</param>
    /// <param name="grid">The k grid.</param>
    public static IReadOnlyList<ArbitrageViolation> FindButterflies(in SviParameters parameters, ArbitrageGrid grid)
    {
        grid.Validate();
        var found = new List<ArbitrageViolation>();
        AddButterflies(found, parameters, 0, double.NaN, grid);
        return found;
    }

    /// <summary>The smallest g(k) of a slice over the grid (NaN when w ≤ 0 somewhere).</summary>
    /// <param name="parameters">The slice.</param>
    /// <param name="grid">The k grid.</param>
    public static double MinButterflyDensity(in SviParameters parameters, ArbitrageGrid grid)
    {
        grid.Validate();
        var min = double.PositiveInfinity;
        for (var j = 0; j < grid.Points; j++)
        {
            var g = parameters.ButterflyDensity(grid.At(j));
            if (double.IsNaN(g))
            {
                return double.NaN;
            }

            min = Math.Min(min, g);
        }

        return min;
    }

    private static void AddButterflies(List<ArbitrageViolation> found, in SviParameters p, int slice, double expiryYears, ArbitrageGrid grid)
    {
        for (var j = 0; j < grid.Points; j++)
        {
            var k = grid.At(j);
            var g = p.ButterflyDensity(k);

            // A non-positive total variance (g is NaN) is the worst butterfly violation; report it with NaN.
            if (!(g >= -ButterflyTolerance))
            {
                found.Add(new ArbitrageViolation(ArbitrageKind.Butterfly, slice, expiryYears, k, g));
            }
        }
    }

    private static void AddCalendars(List<ArbitrageViolation> found, in SviParameters earlier, in SviParameters later, int slice, double expiryYears, ArbitrageGrid grid)
    {
        for (var j = 0; j < grid.Points; j++)
        {
            var k = grid.At(j);
            var dw = later.TotalVariance(k) - earlier.TotalVariance(k);
            if (dw < -CalendarTolerance)
            {
                found.Add(new ArbitrageViolation(ArbitrageKind.Calendar, slice, expiryYears, k, dw));
            }
        }
    }
}
