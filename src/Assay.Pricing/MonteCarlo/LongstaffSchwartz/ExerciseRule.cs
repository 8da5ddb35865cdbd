using System.Runtime.CompilerServices;
using Assay.Pricing.Batch;

namespace Assay.Pricing.MonteCarlo.LongstaffSchwartz;

/// <summary>The exercise decision at one date: exercise an in-the-money path when its moneyness x is at or below the date's boundary x*.</summary>
/// <remarks>
/// <para>The boundary comes from the fitted continuation value c(x) = Σ_j β_j·x^j (per unit of notional, see
/// <see cref="ExercisePolicy"/>) and the normalised intrinsic value 1 − x: x* is the largest x in (0, 1) with
/// 1 − x &gt; c(x), found by scanning down from x = 1 in steps of 1/<see cref="ScanPoints"/> and bisecting the first
/// sign change. Exercising every path with x ≤ x* (rather than wherever 1 − x &gt; c(x)) imposes the single exercise
/// boundary of a vanilla option under GBM: a cubic fit can dip above 1 − x deep in the money, where the true
/// continuation value is close to the intrinsic value, and the resulting islands of continuation cost little value
/// but bias the pathwise Greeks.</para>
/// <para>The pilot pass and the pricing pass both decide through here, so they apply the same rule to the same bits.</para>
/// </remarks>
internal static class ExerciseRule
{
    /// <summary>Grid of the boundary scan in x.</summary>
    public const int ScanPoints = 1024;

    /// <summary>The boundary x* of <paramref name="coefficients"/>, or 0 when 1 − x ≤ c(x) on the whole scan (never exercise).</summary>
    public static double Boundary(ReadOnlySpan<double> coefficients)
    {
        const double Step = 1.0 / ScanPoints;
        for (var k = ScanPoints - 1; k >= 1; k--)
        {
            var x = k * Step;
            if (Gain(coefficients, x) > 0.0)
            {
                var low = x;
                var high = x + Step;
                for (var iteration = 0; iteration < 64; iteration++)
                {
                    var middle = 0.5 * (low + high);
                    if (middle <= low || middle >= high)
                    {
                        break;
                    }

                    if (Gain(coefficients, middle) > 0.0)
                    {
                        low = middle;
                    }
                    else
                    {
                        high = middle;
                    }
                }

                return low;
            }
        }

        return 0.0;
    }

    /// <summary>Lanes that exercise: θ(S − K) &gt; 0 and x ≤ x*.</summary>
    /// <param name="boundary">x* of the date (see <see cref="Boundary"/>), positive.</param>
    /// <param name="moneyness">x (see <see cref="ExerciseGrid.Moneyness{TLane, TMask}"/>).</param>
    /// <param name="intrinsic">θ(S − K).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TMask Exercises<TLane, TMask>(double boundary, TLane moneyness, TLane intrinsic)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged =>
        TLane.And(TLane.GreaterThan(intrinsic, TLane.Constant(0.0)), TLane.LessThanOrEqual(moneyness, TLane.Constant(boundary)));

    /// <summary>1 − x − c(x), c by Horner's rule from the highest power.</summary>
    private static double Gain(ReadOnlySpan<double> coefficients, double x)
    {
        var continuation = coefficients[^1];
        for (var j = coefficients.Length - 2; j >= 0; j--)
        {
            continuation = (continuation * x) + coefficients[j];
        }

        return 1.0 - x - continuation;
    }
}
