using System.Globalization;

namespace Assay.Pricing.Risk;

/// <summary>VaR and expected shortfall of a vector of scenario P&amp;L values, by an exact order-statistic rule.</summary>
/// <remarks>
/// <para>Rule: with n scenarios and confidence c, losses L = −P&amp;L sorted from the largest down; k = ⌈n·(1 − c)⌉;
/// VaR = the k-th largest loss; ES = the mean of the k largest losses, summed from the largest down and divided by k.
/// This VaR is R's <c>-quantile(pnl, 1 - c, type = 1)</c>, the empirical quantile of the P&amp;L (Hyndman and Fan
/// 1996, definition 1).</para>
/// <para>n·(1 − c) is computed in double (1 − c is exact for 0.5 &lt; c &lt; 1), and a value up to 10⁻⁹ relative above
/// an integer counts as that integer: 1000·(1 − 0.99) is 10.000000000000009 in double, and k = 10 is meant. R's type 1
/// has no such allowance; the two agree unless n·(1 − c) lies within that sliver above an integer.</para>
/// <para>Needs n·(1 − c) ≥ 1 (the same allowance), so that the tail holds at least one whole scenario.</para>
/// <para>Determinism: sorting doubles gives one sequence of values whatever the algorithm (−0 is turned into +0 and
/// non-finite P&amp;L is rejected), and the ES sum runs in that fixed order.</para>
/// </remarks>
public static class TailRisk
{
    /// <summary>Relative allowance under which n·(1 − c) counts as the integer just below it.</summary>
    public const double CountAllowance = 1e-9;

    /// <summary>Throws <see cref="PricingInputException"/> (field <c>confidence</c>) unless 0.5 &lt; <paramref name="confidence"/> &lt; 1.</summary>
    public static void ValidateConfidence(double confidence)
    {
        if (!(confidence > 0.5 && confidence < 1.0))
        {
            InputGuard.Fail("confidence", string.Create(CultureInfo.InvariantCulture, $"confidence must be a number in (0.5, 1), both ends excluded (got {confidence:R})"));
        }
    }

    /// <summary>The tail size k = ⌈n·(1 − c)⌉ (see the type remarks for the rounding allowance), at least 1.</summary>
    public static int TailCount(int scenarios, double confidence)
    {
        ValidateConfidence(confidence);
        var x = scenarios * (1.0 - confidence);
        var k = (int)Math.Ceiling(x - (CountAllowance * x));
        return Math.Clamp(k, 1, Math.Max(scenarios, 1));
    }

    /// <summary>The fewest scenarios with n·(1 − c) ≥ 1, i.e. a whole scenario in the tail.</summary>
    public static int MinimumScenarios(double confidence)
    {
        ValidateConfidence(confidence);
        var x = 1.0 / (1.0 - confidence);
        var n = Math.Ceiling(x - (CountAllowance * x));
        return n >= int.MaxValue ? int.MaxValue : (int)n;
    }

    /// <summary>VaR and ES at <paramref name="confidence"/> of the scenario P&amp;L values <paramref name="profitAndLoss"/>.</summary>
    /// <exception cref="PricingInputException">Field <c>confidence</c> out of (0.5, 1); field <c>pnl</c>: a value is not finite, or there are fewer than <see cref="MinimumScenarios"/> values.</exception>
    public static TailEstimate FromProfitAndLoss(ReadOnlySpan<double> profitAndLoss, double confidence)
    {
        var minimum = MinimumScenarios(confidence);
        if (profitAndLoss.Length < minimum)
        {
            InputGuard.Fail("pnl", string.Create(CultureInfo.InvariantCulture, $"{profitAndLoss.Length} scenario(s) are too few for confidence {confidence:R}: n·(1 − c) ≥ 1 needs at least {minimum}"));
        }

        var losses = new double[profitAndLoss.Length];
        for (var i = 0; i < losses.Length; i++)
        {
            var pnl = profitAndLoss[i];
            if (!double.IsFinite(pnl))
            {
                InputGuard.Fail("pnl", string.Create(CultureInfo.InvariantCulture, $"scenario {i} has a P&L of {pnl:R}; every P&L must be finite"));
            }

            // Adding +0 turns a −0 loss into +0, so equal values are equal bits.
            losses[i] = -pnl + 0.0;
        }

        Array.Sort(losses);
        var k = TailCount(losses.Length, confidence);
        var sum = 0.0;
        for (var i = 0; i < k; i++)
        {
            sum += losses[losses.Length - 1 - i];
        }

        return new TailEstimate(losses[losses.Length - k], sum / k, k);
    }
}
