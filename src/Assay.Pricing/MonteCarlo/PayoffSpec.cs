using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.MonteCarlo;

/// <summary>A contract for the Monte Carlo engine: its kind and terms.</summary>
/// <remarks>
/// Asian fixings are t_j = j·T/N, j = 1 … N (none today, the last at expiry); they are grid dates, so the settings'
/// steps must be a multiple of N. Barrier rebates follow <see cref="BarrierOption"/>: a knock-out pays its rebate when
/// the barrier is hit (in the simulation: at the end of the step in which it was hit, or at once if S(0) is already
/// on or beyond H), a knock-in pays it at expiry if the barrier was never hit. Lookback extremes include S(0).
/// </remarks>
/// <param name="Kind">Which payoff.</param>
/// <param name="Type">Call or put.</param>
/// <param name="Strike">Strike K, finite and &gt; 0 (ignored by <see cref="PayoffKind.FloatingLookback"/>).</param>
/// <param name="FixingCount">Asian fixings N (field <c>n_fixings</c>), 1 … <see cref="GeometricAsianOption.MaxFixingCount"/>; unused otherwise.</param>
/// <param name="BarrierType">Barrier side and effect (field <c>barrier_type</c>); unused unless <see cref="PayoffKind.Barrier"/>.</param>
/// <param name="Barrier">Barrier level H &gt; 0 (field <c>H</c>); unused unless <see cref="PayoffKind.Barrier"/>.</param>
/// <param name="Rebate">Cash rebate ≥ 0 (field <c>rebate</c>); unused unless <see cref="PayoffKind.Barrier"/>.</param>
/// <param name="Monitoring">Barrier and lookback monitoring (field <c>monitoring</c>): continuous (Brownian bridge) or at the grid dates.</param>
public sealed record PayoffSpec(
    PayoffKind Kind,
    OptionType Type,
    double Strike,
    int FixingCount = 0,
    BarrierType BarrierType = BarrierType.DownOut,
    double Barrier = 0.0,
    double Rebate = 0.0,
    PathMonitoring Monitoring = PathMonitoring.Continuous)
{
    /// <summary>Throws <see cref="PricingInputException"/> naming the first field out of range.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Kind))
        {
            InputGuard.Fail("payoff", $"payoff must be one of {string.Join(", ", Enum.GetNames<PayoffKind>())} (got {(int)Kind})");
        }

        if (Type is not (OptionType.Call or OptionType.Put))
        {
            InputGuard.Fail("type", $"type must be Call or Put (got {(int)Type})");
        }

        if (Kind != PayoffKind.FloatingLookback)
        {
            InputGuard.Positive(Strike, "K");
        }

        if (Kind is PayoffKind.ArithmeticAsian or PayoffKind.GeometricAsian)
        {
            InputGuard.InRange(FixingCount, "n_fixings", 1, GeometricAsianOption.MaxFixingCount);
        }

        if ((Kind is PayoffKind.Barrier or PayoffKind.FixedLookback or PayoffKind.FloatingLookback) && !Enum.IsDefined(Monitoring))
        {
            InputGuard.Fail("monitoring", $"monitoring must be Continuous or Discrete (got {(int)Monitoring})");
        }

        if (Kind == PayoffKind.Barrier)
        {
            if (!Enum.IsDefined(BarrierType))
            {
                InputGuard.Fail("barrier_type", $"barrier_type must be DownOut, DownIn, UpOut or UpIn (got {(int)BarrierType})");
            }

            InputGuard.Positive(Barrier, "H");
            InputGuard.NonNegative(Rebate, "rebate");
        }
    }
}
