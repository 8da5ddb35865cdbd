using System.Globalization;
using System.Text;

namespace Assay.Pricing.Tests.Exotics;

/// <summary>Collects |actual − expected| against a tolerance row by row and fails once with every bad row listed.</summary>
internal sealed class ReferenceComparison(string source, double relativeTolerance, double absoluteTolerance)
{
    private readonly StringBuilder _failures = new();
    private int _failureCount;

    public int Rows { get; private set; }

    public double MaxRelativeError { get; private set; }

    public double MaxAbsoluteError { get; private set; }

    /// <summary>Largest relative error among rows whose reference is at least 1e-3 (cancellation-free prices).</summary>
    public double MaxRelativeErrorAboveMilli { get; private set; }

    public void Check(double actual, double expected, string inputs)
    {
        Rows++;
        var error = Math.Abs(actual - expected);
        var relative = expected == 0 ? error : error / Math.Abs(expected);
        MaxAbsoluteError = Math.Max(MaxAbsoluteError, error);
        MaxRelativeError = Math.Max(MaxRelativeError, relative);
        if (Math.Abs(expected) >= 1e-3)
        {
            MaxRelativeErrorAboveMilli = Math.Max(MaxRelativeErrorAboveMilli, relative);
        }
        var tolerance = (relativeTolerance * Math.Abs(expected)) + absoluteTolerance;
        if (!(error <= tolerance))
        {
            _failureCount++;
            _failures.Append(CultureInfo.InvariantCulture, $"\n  {inputs}: expected {expected:R}, got {actual:R}, |error| {error:E3} > tolerance {tolerance:E3}");
        }
    }

    public string Summary =>
        string.Create(CultureInfo.InvariantCulture, $"{source}: {Rows} rows, max relative error {MaxRelativeError:E2} (prices >= 1e-3: {MaxRelativeErrorAboveMilli:E2}), max absolute error {MaxAbsoluteError:E2}");

    public void AssertAll()
    {
        Assert.True(Rows > 0, $"{source}: no rows compared");
        Assert.True(_failureCount == 0, $"{source}: {_failureCount} of {Rows} rows outside tolerance (rel {relativeTolerance:E1} + abs {absoluteTolerance:E1}):{_failures}");
    }
}
