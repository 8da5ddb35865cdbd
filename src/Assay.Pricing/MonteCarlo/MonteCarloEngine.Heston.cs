using Assay.Numerics;
using Assay.Pricing.Batch;
using Assay.Pricing.MonteCarlo.Paths;
using Assay.Pricing.MonteCarlo.Payoffs;

namespace Assay.Pricing.MonteCarlo;

/// <content>Heston: the scheme's stepper, the European payoff with its control variate, every other payoff price-only.</content>
public static partial class MonteCarloEngine
{
    /// <summary>Smallest volatility handed to the GBM payoff constructors of price-only payoffs (their Greeks are dropped).</summary>
    private const double PriceOnlyMinimumVolatility = 1e-6;

    private static BatchSums EvaluateHeston(MonteCarloSpec spec, HestonModel model, long batchIndex, BatchVectorWidth vectorWidth) =>
        model.Scheme == HestonScheme.FullTruncationEuler
            ? DispatchHeston<BatchSums, BatchOf<HestonEulerStepper>>(
                spec.Payoff, model, new BatchOf<HestonEulerStepper>(new HestonEulerStepper(model, spec.Settings.Steps), spec.Settings, batchIndex, vectorWidth))
            : DispatchHeston<BatchSums, BatchOf<HestonQeStepper>>(
                spec.Payoff, model, new BatchOf<HestonQeStepper>(new HestonQeStepper(model, spec.Settings.Steps), spec.Settings, batchIndex, vectorWidth));

    /// <summary>European gets <see cref="HestonEuropeanPayoff"/>; every other kind is the GBM payoff wrapped price-only.</summary>
    private static TResult DispatchHeston<TResult, TAction>(PayoffSpec payoff, HestonModel model, TAction action)
        where TAction : IPayoffAction<TResult>
    {
        if (payoff.Kind == PayoffKind.European)
        {
            return action.Invoke(new HestonEuropeanPayoff(payoff, model));
        }

        var terms = new GbmTerms(
            model.Spot, Math.Max(model.ShadowVolatility, PriceOnlyMinimumVolatility), model.ExpiryYears, DMath.Exp(-model.Rate * model.ExpiryYears));
        return Dispatch<TResult, PriceOnly<TResult, TAction>>(payoff, terms, new PriceOnly<TResult, TAction>(action));
    }

    /// <summary>Wraps the payoff built by the shared switch in <see cref="HestonPriceOnlyPayoff{TPayoff}"/> before the action sees it.</summary>
    private readonly struct PriceOnly<TResult, TAction>(TAction action) : IPayoffAction<TResult>
        where TAction : IPayoffAction<TResult>
    {
        public TResult Invoke<TPayoff>(TPayoff payoff)
            where TPayoff : struct, IPathPayoff => action.Invoke(new HestonPriceOnlyPayoff<TPayoff>(payoff));
    }
}
