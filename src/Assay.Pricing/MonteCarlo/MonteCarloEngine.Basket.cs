using Assay.Numerics;
using Assay.Pricing.Batch;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo.Paths;
using Assay.Pricing.MonteCarlo.Payoffs;

namespace Assay.Pricing.MonteCarlo;

/// <content>Baskets: correlated GBM assets, a European option on the weighted sum.</content>
public static partial class MonteCarloEngine
{
    private static BatchSums EvaluateBasket(MonteCarloSpec spec, BasketModel model, long batchIndex, BatchVectorWidth vectorWidth)
    {
        var payoff = BasketPayoffOf(spec.Payoff, model);
        return new BatchOf<BasketStepper>(new BasketStepper(model, spec.Settings.Steps), spec.Settings, batchIndex, vectorWidth).Invoke(payoff);
    }

    private static BasketPayoff BasketPayoffOf(PayoffSpec payoff, BasketModel model)
    {
        if (payoff.Kind != PayoffKind.Basket)
        {
            throw new PricingInputException("payoff", $"a basket model takes the basket payoff only; got {payoff.Kind}");
        }

        var initial = model.InitialValue;
        if (!(initial > 0.0))
        {
            throw new PricingInputException("weight", $"the basket value at inception, sum of weight[i]*S[i], must be positive; got {initial:R}");
        }

        return new BasketPayoff(payoff.Type == OptionType.Call, payoff.Strike, initial, DMath.Exp(-model.Rate * model.ExpiryYears));
    }
}
