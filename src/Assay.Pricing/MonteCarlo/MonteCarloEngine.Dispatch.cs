using System.Runtime.Intrinsics;
using Assay.Pricing.Batch;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo.Paths;
using Assay.Pricing.MonteCarlo.Payoffs;

namespace Assay.Pricing.MonteCarlo;

/// <content>From the public spec to the generic hot loop: one switch over models, one over payoffs.</content>
public static partial class MonteCarloEngine
{
    private static (bool HasControl, double Mean) ControlOf(MonteCarloSpec spec) => spec.Model switch
    {
        GbmModel gbm => Dispatch<(bool, double), ControlQuery>(spec.Payoff, GbmTerms.From(gbm), default),
        HestonModel heston => DispatchHeston<(bool, double), ControlQuery>(spec.Payoff, heston, default),
        BasketModel => (false, 0.0),
        _ => throw UnknownModel(spec.Model),
    };

    private static BatchSums EvaluateValidated(MonteCarloSpec spec, long batchIndex, BatchVectorWidth vectorWidth) => spec.Model switch
    {
        GbmModel gbm => Dispatch<BatchSums, BatchOf<GbmStepper>>(
            spec.Payoff, GbmTerms.From(gbm), new BatchOf<GbmStepper>(new GbmStepper(gbm, spec.Settings.Steps), spec.Settings, batchIndex, vectorWidth)),
        HestonModel heston => EvaluateHeston(spec, heston, batchIndex, vectorWidth),
        BasketModel basket => EvaluateBasket(spec, basket, batchIndex, vectorWidth),
        _ => throw UnknownModel(spec.Model),
    };

    /// <summary>Builds the payoff struct of <paramref name="payoff"/> (Greek estimators from <paramref name="terms"/>) and hands it to <paramref name="action"/>.</summary>
    private static TResult Dispatch<TResult, TAction>(PayoffSpec payoff, GbmTerms terms, TAction action)
        where TAction : IPayoffAction<TResult>
    {
        var isCall = payoff.Type == OptionType.Call;
        return payoff.Kind switch
        {
            PayoffKind.European => action.Invoke(new EuropeanPayoff(isCall, payoff.Strike, terms)),
            PayoffKind.Digital => action.Invoke(new CashDigitalPayoff(isCall, payoff.Strike, terms)),
            PayoffKind.ArithmeticAsian => action.Invoke(new ArithmeticAsianPayoff(isCall, payoff.Strike, payoff.FixingCount, terms)),
            PayoffKind.GeometricAsian => action.Invoke(new GeometricAsianPayoff(isCall, payoff.Strike, payoff.FixingCount, terms)),
            PayoffKind.Barrier => action.Invoke(new BarrierPayoff(
                isCall, payoff.Strike, payoff.BarrierType, payoff.Barrier, payoff.Rebate, payoff.Monitoring, terms)),
            PayoffKind.FixedLookback => action.Invoke(new LookbackPayoff(isCall, floating: false, payoff.Strike, payoff.Monitoring, terms)),
            PayoffKind.FloatingLookback => action.Invoke(new LookbackPayoff(isCall, floating: true, payoff.Strike, payoff.Monitoring, terms)),
            _ => throw new PricingInputException("payoff", $"payoff {payoff.Kind} is not supported by the Monte Carlo engine"),
        };
    }

    private static NotSupportedException UnknownModel(PathModel model) => new($"No Monte Carlo engine for model {model.GetType().Name}.");

    /// <summary>Something done with a payoff struct, so that the payoff switch is written once.</summary>
    private interface IPayoffAction<out TResult>
    {
        TResult Invoke<TPayoff>(TPayoff payoff)
            where TPayoff : struct, IPathPayoff;
    }

    private readonly struct ControlQuery : IPayoffAction<(bool, double)>
    {
        public (bool, double) Invoke<TPayoff>(TPayoff payoff)
            where TPayoff : struct, IPathPayoff => (payoff.HasControl, payoff.ControlMean);
    }

    private readonly struct BatchOf<TStepper>(TStepper stepper, MonteCarloSettings settings, long batchIndex, BatchVectorWidth width) : IPayoffAction<BatchSums>
        where TStepper : struct, IPathStepper
    {
        public BatchSums Invoke<TPayoff>(TPayoff payoff)
            where TPayoff : struct, IPathPayoff => BatchVectorWidths.Resolve(width) switch
            {
                BatchVectorWidth.Vector512 => BatchRunner.Run<Vector512Lane, Vector512<double>, TStepper, TPayoff>(stepper, payoff, settings, batchIndex),
                BatchVectorWidth.Vector256 => BatchRunner.Run<Vector256Lane, Vector256<double>, TStepper, TPayoff>(stepper, payoff, settings, batchIndex),
                _ => BatchRunner.Run<ScalarLane, bool, TStepper, TPayoff>(stepper, payoff, settings, batchIndex),
            };
    }
}
