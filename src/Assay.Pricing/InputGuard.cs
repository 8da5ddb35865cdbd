using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Assay.Pricing;

/// <summary>Validation of pricing inputs; every failure names the field and the allowed range.</summary>
/// <remarks>
/// Failures throw <see cref="PricingInputException"/> whose <see cref="PricingInputException.Field"/> is the
/// field name as the CLI and CSV formats spell it (<c>S</c>, <c>K</c>, <c>T</c>, <c>sigma</c>, …) and whose message
/// reads "sigma must be a finite number &gt; 0 (got -0.2)".
/// </remarks>
public static class InputGuard
{
    /// <summary>Requires a finite number strictly greater than zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Positive(double value, string field)
    {
        if (!(value > 0) || double.IsPositiveInfinity(value))
        {
            Fail(field, value, "a finite number > 0");
        }
    }

    /// <summary>Requires a finite number greater than or equal to zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void NonNegative(double value, string field)
    {
        if (!(value >= 0) || double.IsPositiveInfinity(value))
        {
            Fail(field, value, "a finite number >= 0");
        }
    }

    /// <summary>Requires a finite number (any sign).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Finite(double value, string field)
    {
        if (!double.IsFinite(value))
        {
            Fail(field, value, "a finite number");
        }
    }

    /// <summary>Requires a finite number in the closed interval [<paramref name="min"/>, <paramref name="max"/>].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void InRange(double value, string field, double min, double max)
    {
        if (!(value >= min && value <= max))
        {
            Fail(field, value, string.Create(CultureInfo.InvariantCulture, $"a finite number in [{min:R}, {max:R}]"));
        }
    }

    /// <summary>Requires an integer in the closed interval [<paramref name="min"/>, <paramref name="max"/>].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void InRange(int value, string field, int min, int max)
    {
        if (value < min || value > max)
        {
            Fail(field, value, string.Create(CultureInfo.InvariantCulture, $"an integer in [{min}, {max}]"));
        }
    }

    /// <summary>Throws the standard validation error for <paramref name="field"/>.</summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Fail(string field, double value, string allowed) =>
        throw new PricingInputException(
            field, string.Create(CultureInfo.InvariantCulture, $"{field} must be {allowed} (got {value:R})"));

    /// <summary>Throws a validation error with a free-form <paramref name="message"/> that already names the field.</summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Fail(string field, string message) => throw new PricingInputException(field, message);
}
