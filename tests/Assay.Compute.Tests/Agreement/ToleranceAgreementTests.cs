using Assay.Compute.Agreement;
using Assay.Pricing.MonteCarlo;

namespace Assay.Compute.Tests.Agreement;

public sealed class ToleranceAgreementTests
{
    [Fact]
    public void Pooled_estimate_is_the_inverse_variance_weighted_mean()
    {
        // Weights 1/0.01 = 100 and 1/0.04 = 25: x̄ = (100·10 + 25·11)/125 = 10.2, s̄ = √(1/125).
        var result = ToleranceAgreement.Agree([new Estimate(10.0, 0.1), new Estimate(11.0, 0.2)], 3.0);
        Assert.Equal(10.2, result.Pooled.Value, 1e-14);
        Assert.Equal(Math.Sqrt(1.0 / 125.0), result.Pooled.StandardError, 1e-15);

        // |10 − 10.2| = 0.2 ≤ 3·√(0.01 − 0.008) = 0.134? No: rejected. |11 − 10.2| = 0.8 > 3·√(0.04 − 0.008) = 0.537: rejected.
        Assert.Equal([false, false], result.Accepted);
        var wide = ToleranceAgreement.Agree([new Estimate(10.0, 0.1), new Estimate(11.0, 0.2)], 5.0);
        Assert.Equal([true, true], wide.Accepted);
        Assert.True(wide.AllAgree);
    }

    [Fact]
    public void A_moderate_outlier_is_rejected_while_the_others_stay_within_the_band()
    {
        // Equal errors 0.05: x̄ = 10.1, band = 3·√(0.0025 − 0.000625) ≈ 0.1299; 10.5 is 0.4 away, the others ≤ 0.13.
        Estimate[] estimates = [new(10.0, 0.05), new(10.0, 0.05), new(10.0, 0.05), new(10.0, 0.05), new(10.5, 0.05)];
        var result = ToleranceAgreement.Agree(estimates, 3.0);
        Assert.Equal(10.1, result.Pooled.Value, 1e-14);
        Assert.Equal([true, true, true, true, false], result.Accepted);
        Assert.Equal(4, result.AcceptedCount);
        Assert.False(result.AllAgree);
    }

    [Fact]
    public void A_large_outlier_drags_the_pooled_estimate_so_that_no_one_agrees()
    {
        // The rule pools every estimate: a gross outlier moves x̄ out of everyone's band, so agreement fails (a dispute), never a wrong answer.
        Estimate[] estimates = [new(10.00, 0.05), new(10.03, 0.05), new(9.98, 0.05), new(11.0, 0.05)];
        var result = ToleranceAgreement.Agree(estimates, 3.0);
        Assert.Equal(0, result.AcceptedCount);
    }

    [Fact]
    public void Independent_seed_runs_of_the_same_contract_agree_at_z_4()
    {
        var spec = new MonteCarloSpec(
            new GbmModel(100.0, 1.0, 0.05, 0.0, 0.2),
            new PayoffSpec(PayoffKind.European, Assay.Pricing.Instruments.OptionType.Call, 100.0),
            new MonteCarloSettings(20_000, 1, 0));
        ulong[] seeds = [11, 22, 33, 44, 55];
        var estimates = seeds.Select(s => MonteCarloEngine.Run(spec with { Settings = spec.Settings with { Seed = s } })).Select(r => new Estimate(r.Price, r.StandardError)).ToArray();
        var result = ToleranceAgreement.Agree(estimates, 4.0);
        Assert.True(result.AllAgree, $"seeds {string.Join(",", seeds)}: {string.Join("; ", estimates)} pooled {result.Pooled}");

        // The pooled error is below every single node's.
        Assert.All(estimates, e => Assert.True(result.Pooled.StandardError < e.StandardError));

        // A node that prices another contract (strike 105) is out of band.
        var wrong = MonteCarloEngine.Run(spec with { Payoff = spec.Payoff with { Strike = 105.0 }, Settings = spec.Settings with { Seed = 66 } });
        var withWrong = ToleranceAgreement.Agree([.. estimates, new Estimate(wrong.Price, wrong.StandardError)], 4.0);
        Assert.False(withWrong.Accepted[^1], $"seeds {string.Join(",", seeds)},66: wrong-strike estimate {wrong.Price:R} ± {wrong.StandardError:R} accepted against {withWrong.Pooled}");
    }

    [Fact]
    public void Invalid_inputs_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ToleranceAgreement.Agree([], 3.0));
        Assert.Throws<ArgumentException>(() => ToleranceAgreement.Agree([new Estimate(1.0, 0.0)], 3.0));
        Assert.Throws<ArgumentException>(() => ToleranceAgreement.Agree([new Estimate(double.NaN, 1.0)], 3.0));
        Assert.Throws<ArgumentException>(() => ToleranceAgreement.Agree([new Estimate(1.0, 1.0)], -1.0));
        Assert.True(ToleranceAgreement.Agree([new Estimate(1.0, 1.0)], 0.0).AllAgree);
    }
}
