using Assay.Numerics;
using Assay.Pricing.Batch;
using Assay.Pricing.MonteCarlo.Paths;
using Assay.Pricing.MonteCarlo.Payoffs;

namespace Assay.Pricing.MonteCarlo;

/// <content>Heston: the scheme's stepper, the European payoff with its control variate, Asians and lookbacks with their pathwise delta, every other payoff price-only.</content>
public static partial class MonteCarloEngine
{
    /// <summary>Smallest volatility handed to the GBM payoff constructors of wrapped payoffs (their vega and control are dropped).</summary>
    private const double PriceOnlyMinimumVolatility = 1e-6;

    private static BatchSums EvaluateHeston(MonteCarloSpec spec, HestonModel model, long batchIndex, BatchVectorWidth vectorWidth) =>
        model.Scheme == HestonScheme.FullTruncationEuler
            ? DispatchHeston<BatchSums, BatchOf<HestonEulerStepper>>(
                spec.Payoff, model, new BatchOf<HestonEulerStepper>(new HestonEulerStepper(model, spec.Settings.Steps), spec.Settings, batchIndex, vectorWidth))
            : DispatchHeston<BatchSums, BatchOf<HestonQeStepper>>(
                spec.Payoff, model, new BatchOf<HestonQeStepper>(new HestonQeStepper(model, spec.Settings.Steps), spec.Settings, batchIndex, vectorWidth));

    /// <summary>European gets <see cref="HestonEuropeanPayoff"/>; Asians and lookbacks the GBM payoff with its delta kept; every other kind the GBM payoff price-only.</summary>
    private static TResult DispatchHeston<TResult, TAction>(PayoffSpec payoff, HestonModel model, TAction action)
        where TAction : IPayoffAction<TResult>
    {
        if (payoff.Kind == PayoffKind.European)
        {
            return action.Invoke(new HestonEuropeanPayoff(payoff, model));
        }

        var terms = new GbmTerms(
            model.Spot,
            Math.Max(model.ShadowVolatility, PriceOnlyMinimumVolatility),
            model.ExpiryYears,
            DMath.Exp(-model.Rate * model.ExpiryYears),
            model.Rate,
            model.DividendYield);
        var homogeneous = payoff.Kind is PayoffKind.ArithmeticAsian or PayoffKind.GeometricAsian or PayoffKind.FixedLookback or PayoffKind.FloatingLookback;
        return Dispatch<TResult, HestonWrapped<TResult, TAction>>(payoff, terms, new HestonWrapped<TResult, TAction>(action, homogeneous));
    }

    /// <summary>Wraps the payoff built by the shared switch in <see cref="HestonWrappedPayoff{TPayoff}"/> before the action sees it.</summary>
    private readonly struct HestonWrapped<TResult, TAction>(TAction action, bool homogeneous) : IPayoffAction<TResult>
        where TAction : IPayoffAction<TResult>
    {
        public TResult Invoke<TPayoff>(TPayoff payoff)
            where TPayoff : struct, IPathPayoff => action.Invoke(new HestonWrappedPayoff<TPayoff>(payoff, homogeneous));
    }
}
