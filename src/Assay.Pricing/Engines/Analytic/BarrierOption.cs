using System.Globalization;
using Assay.Numerics;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Engines.Analytic;

/// <summary>Closed-form value of a continuously monitored single-barrier European option (Reiner &amp; Rubinstein 1991).</summary>
/// <remarks>
/// Formulas as given by Haug, <i>The Complete Guide to Option Pricing Formulas</i>, 2nd ed. (2007), §4.17.1, built
/// from the terms A–F of <see cref="ReinerRubinsteinTerms"/>. Rebate convention (Haug's and QuantLib's): a knock-out
/// option pays its rebate at the moment the barrier is hit; a knock-in option pays its rebate at expiry if the barrier
/// was never hit. If the spot is already at or beyond the barrier (S ≤ H for down, S ≥ H for up) the barrier counts as
/// hit: a knock-out is worth its rebate now (undiscounted), a knock-in is worth the vanilla option.
/// A knock-out with a positive rebate needs μ² + 2r/σ² ≥ 0 (always true for r ≥ 0); otherwise field <c>r</c> is rejected.
/// </remarks>
public static class BarrierOption
{
    /// <summary>Present value of the barrier option described by <paramref name="p"/>.</summary>
    /// <exception cref="PricingInputException">An input is outside its allowed range (the message names the field).</exception>
    public static double Price(in BarrierParameters p)
    {
        Validate(p);
        var isDown = p.BarrierType is BarrierType.DownOut or BarrierType.DownIn;
        var isOut = p.BarrierType is BarrierType.DownOut or BarrierType.UpOut;
        var alreadyHit = isDown ? p.Spot <= p.Barrier : p.Spot >= p.Barrier;
        if (alreadyHit)
        {
            return isOut
                ? p.Rebate
                : BlackScholesMerton.Price(new BlackScholesParameters(p.Type, p.Spot, p.Strike, p.ExpiryYears, p.Rate, p.DividendYield, p.Volatility));
        }

        var isCall = p.Type == OptionType.Call;
        var terms = new ReinerRubinsteinTerms(isCall ? 1.0 : -1.0, isDown ? 1.0 : -1.0, p);
        // At K = H both combinations of A–D agree; the branch chosen there is the one that reduces to a single term
        // (C, A or F) instead of a difference of equal terms, so e.g. a down-and-out put struck at its barrier is
        // exactly worth its rebate leg rather than a rounding residue of either sign.
        var strikeAtOrAboveBarrier = isCall ? p.Strike >= p.Barrier : p.Strike > p.Barrier;
        if (!isOut)
        {
            return KnockInWithoutRebate(terms, p.BarrierType, isCall, strikeAtOrAboveBarrier) + terms.E();
        }

        return KnockOutWithoutRebate(terms, p.BarrierType, isCall, strikeAtOrAboveBarrier) + terms.F(Lambda(p));
    }

    // Haug (2007) §4.17.1: which combination of A–D applies, by barrier side, payoff and strike vs barrier.
    private static double KnockInWithoutRebate(in ReinerRubinsteinTerms t, BarrierType barrierType, bool isCall, bool strikeAtOrAboveBarrier) =>
        (barrierType, isCall, strikeAtOrAboveBarrier) switch
        {
            (BarrierType.DownIn, true, true) => t.C(),
            (BarrierType.DownIn, true, false) => t.A() - t.B() + t.D(),
            (BarrierType.UpIn, true, true) => t.A(),
            (BarrierType.UpIn, true, false) => t.B() - t.C() + t.D(),
            (BarrierType.DownIn, false, true) => t.B() - t.C() + t.D(),
            (BarrierType.DownIn, false, false) => t.A(),
            (BarrierType.UpIn, false, true) => t.A() - t.B() + t.D(),
            _ => t.C(), // UpIn put with K < H.
        };

    private static double KnockOutWithoutRebate(in ReinerRubinsteinTerms t, BarrierType barrierType, bool isCall, bool strikeAtOrAboveBarrier) =>
        (barrierType, isCall, strikeAtOrAboveBarrier) switch
        {
            (BarrierType.DownOut, true, true) => t.A() - t.C(),
            (BarrierType.DownOut, true, false) => t.B() - t.D(),
            (BarrierType.UpOut, true, true) => 0.0,
            (BarrierType.UpOut, true, false) => t.A() - t.B() + t.C() - t.D(),
            (BarrierType.DownOut, false, true) => t.A() - t.B() + t.C() - t.D(),
            (BarrierType.DownOut, false, false) => 0.0,
            (BarrierType.UpOut, false, true) => t.B() - t.D(),
            _ => t.A() - t.C(), // UpOut put with K < H.
        };

    private static double Lambda(in BarrierParameters p)
    {
        if (p.Rebate == 0)
        {
            return 0.0;
        }

        var variance = p.Volatility * p.Volatility;
        var mu = (p.Rate - p.DividendYield - (0.5 * variance)) / variance;
        var lambdaSquared = (mu * mu) + (2.0 * p.Rate / variance);
        if (!(lambdaSquared >= 0))
        {
            InputGuard.Fail(
                "r",
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"r must satisfy mu^2 + 2r/sigma^2 >= 0 for a knock-out rebate paid at hit (got r={p.Rate:R}, mu={mu:R}, sigma={p.Volatility:R})"));
        }

        return DMath.Sqrt(lambdaSquared);
    }

    private static void Validate(in BarrierParameters p)
    {
        if (!Enum.IsDefined(p.Type))
        {
            InputGuard.Fail("type", "type must be Call or Put");
        }

        if (!Enum.IsDefined(p.BarrierType))
        {
            InputGuard.Fail("barrier_type", "barrier_type must be DownOut, DownIn, UpOut or UpIn");
        }

        InputGuard.Positive(p.Spot, "S");
        InputGuard.Positive(p.Strike, "K");
        InputGuard.Positive(p.Barrier, "H");
        InputGuard.NonNegative(p.Rebate, "rebate");
        InputGuard.Positive(p.ExpiryYears, "T");
        InputGuard.Finite(p.Rate, "r");
        InputGuard.Finite(p.DividendYield, "q");
        InputGuard.Positive(p.Volatility, "sigma");
    }
}
