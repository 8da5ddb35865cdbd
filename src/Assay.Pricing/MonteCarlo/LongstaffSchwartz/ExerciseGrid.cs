using System.Runtime.CompilerServices;
using Assay.Numerics;
using Assay.Pricing.Batch;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.MonteCarlo.LongstaffSchwartz;

/// <summary>The GBM walk constants and the exercise dates t_i = i·T/N of one American contract, shared by the pilot and the pricing pass.</summary>
/// <remarks>
/// The walk constants are computed with exactly the expressions of <c>Paths.GbmStepper</c>, so a path of the pricing pass is
/// bit for bit the path the European engine simulates for the same (seed, path): the terminal European payoff (the
/// control variate) equals the European engine's sample.
/// </remarks>
internal sealed class ExerciseGrid
{
    private readonly double[] _discounts;
    private readonly double[] _times;

    public ExerciseGrid(GbmModel model, PayoffSpec payoff, int steps)
    {
        Model = model;
        Payoff = payoff;
        Steps = steps;
        Spot = model.Spot;
        Strike = payoff.Strike;
        IsCall = payoff.Type == OptionType.Call;
        Theta = IsCall ? 1.0 : -1.0;
        InverseStrike = 1.0 / Strike;
        Volatility = model.Volatility;
        var dt = model.ExpiryYears / steps;
        SqrtDt = Math.Sqrt(dt);
        Drift = (model.Rate - model.DividendYield - (0.5 * model.Volatility * model.Volatility)) * dt;
        Diffusion = model.Volatility * SqrtDt;
        _discounts = new double[steps + 1];
        _times = new double[steps + 1];
        for (var i = 0; i <= steps; i++)
        {
            // t_N is T itself (not N·T/N, which may round), so the expiry discount is the European engine's e^(−rT).
            var t = i == steps ? model.ExpiryYears : i * model.ExpiryYears / steps;
            _times[i] = t;
            _discounts[i] = DMath.Exp(-model.Rate * t);
        }
    }

    public GbmModel Model { get; }

    public PayoffSpec Payoff { get; }

    /// <summary>N: time steps, and exercise dates t_1 … t_N (t_N = T).</summary>
    public int Steps { get; }

    public double Spot { get; }

    public double Strike { get; }

    public bool IsCall { get; }

    /// <summary>θ = +1 for a call, −1 for a put.</summary>
    public double Theta { get; }

    public double InverseStrike { get; }

    public double Volatility { get; }

    public double SqrtDt { get; }

    /// <summary>(r − q − σ²/2)Δt.</summary>
    public double Drift { get; }

    /// <summary>σ√Δt.</summary>
    public double Diffusion { get; }

    /// <summary>e^(−r·t_i), i = 0 … N.</summary>
    public ReadOnlySpan<double> Discounts => _discounts;

    /// <summary>t_i, i = 0 … N.</summary>
    public ReadOnlySpan<double> Times => _times;

    /// <summary>θ(S − K).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TLane Intrinsic<TLane, TMask>(TLane spot)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged => (spot - Strike) * Theta;

    /// <summary>The regression variable x: S/K for a put, K/S for a call, in (0, 1) where the option is in the money.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TLane Moneyness<TLane, TMask>(TLane spot)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged => IsCall ? Strike / spot : spot * InverseStrike;
}
