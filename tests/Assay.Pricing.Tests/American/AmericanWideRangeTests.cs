using System.Globalization;
using Assay.Pricing.Engines.American;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Tests.American;

/// <summary>The fast engine over the whole allowed input range: QuantLib 1.29 references and seeded bounds.</summary>
public sealed class AmericanWideRangeTests
{
    private const int Seed = 20240614;

    private static readonly IReadOnlyList<AmericanWideReferenceRow> Rows = AmericanWideReferenceRow.Load();

    [Fact]
    public void Wide_reference_file_has_the_expected_rows()
    {
        Assert.Equal(263, Rows.Count);
        Assert.Equal(14, Rows.Count(r => r.Source == "fixed"));
    }

    [Fact]
    public void Every_row_is_accurate()
    {
        // Tolerance: 1e-4 relative or 1e-6·K absolute against QdFp (confirmed by an LR lattice) or the European
        // price; 1e-3 against the lattice-only rows (double-boundary regime): their reference is a 1/n-extrapolated
        // LR lattice, itself only good to a few 1e-4 (e.g. 5.53840 for put S = K = 100, T = 10, r = -0.05, q = -0.2,
        // sigma = 0.2, where QuantLib's extrapolated finite differences and ours give 5.5359). The four rows the engine
        // used to refuse (kappa > 20) are now priced by the finite-difference engine and held to 1e-4.
        var failures = new List<string>();
        var worst = 0.0;
        foreach (var row in Rows)
        {
            var price = AmericanOption.Price(row.Parameters);
            var relative = row.RefSource == "lr" ? 1e-3 : 1e-4;
            var error = Math.Abs(price - row.Reference) / Math.Max(Math.Abs(row.Reference), 1e-6 * row.K / relative);
            if (row.RefSource != "lr")
            {
                worst = Math.Max(worst, error);
            }

            if (!(error <= relative))
            {
                failures.Add($"{row}: got {price:R}, reference {row.Reference:R}, error {error:E2} > {relative:E0}");
            }
        }

        Assert.True(failures.Count == 0, $"worst {worst:E2}\n" + string.Join("\n", failures));
    }

    [Fact]
    public void Known_FP_B_failures_are_now_accurate()
    {
        // docs/pricing-american.md (before this change): 0.72066 (4e-4 off) at T = 6.04, NaN at alpha ~ 3500.
        var slow = AmericanOption.Price(new AmericanParameters(OptionType.Put, 112.84, 100, 2205.0 / 365, 0.1227, 0.0, 0.1447));
        Assert.True(Math.Abs(slow - 0.7212709210934752) <= 1e-4 * 0.72127, $"{slow:R}");
        var steep = AmericanOption.Price(new AmericanParameters(OptionType.Put, 99.64, 100, 28.0 / 365, 0.3785, -0.1958, 0.0146));
        Assert.True(Math.Abs(steep - 0.36) <= 1e-6 * 100, $"{steep:R}");
    }

    [Fact]
    public void Random_draws_over_the_allowed_range_are_finite_and_within_bounds()
    {
        // Draws over the whole box of AmericanParameters: T log-uniform in [1e-4, 30], sigma log-uniform in
        // [0.005, 4], r and q each from uniform(−0.5, 0.5), uniform(0, 0.2) or uniform(−0.01, 0.01), ln(S/K) within
        // ±min(2σ√T + 0.05, 2). Each price must be finite, ≥ max(European, intrinsic) and ≤ the trivial upper bound
        // max(S, S e^(−qT)) for a call, max(K, K e^(−rT)) for a put (exercising at once or holding to expiry the
        // share or the cash that the option is worth at most), all up to 1e-9·max(S, K) of rounding; no input is refused.
        var random = new Random(Seed);
        var failures = new List<string>();
        const int Count = 3000;
        for (var i = 0; i < Count; i++)
        {
            var type = random.Next(2) == 0 ? OptionType.Call : OptionType.Put;
            var t = Math.Exp(Math.Log(1e-4) + (random.NextDouble() * Math.Log(30 / 1e-4)));
            var sigma = Math.Exp(Math.Log(0.005) + (random.NextDouble() * Math.Log(4 / 0.005)));
            var r = Rate(random);
            var q = Rate(random);
            var width = Math.Min((2 * sigma * Math.Sqrt(t)) + 0.05, 2.0);
            var s = 100 * Math.Exp(width * ((2 * random.NextDouble()) - 1));
            var p = new AmericanParameters(type, s, 100, t, r, q, sigma);
            var inputs = string.Create(CultureInfo.InvariantCulture, $"seed {Seed} draw {i}: {p}");
            var price = AmericanOption.Price(p);

            var european = TestBlack.Price(type, s, 100, t, r, q, sigma);
            var intrinsic = Math.Max(type == OptionType.Call ? s - 100 : 100 - s, 0.0);
            var upper = type == OptionType.Call ? Math.Max(s, s * Math.Exp(-q * t)) : Math.Max(100, 100 * Math.Exp(-r * t));
            var slack = 1e-9 * Math.Max(s, 100);
            if (!(double.IsFinite(price) && price >= european - slack && price >= intrinsic - slack && price <= upper + slack))
            {
                failures.Add($"{inputs}: price {price:R}, European {european:R}, intrinsic {intrinsic:R}, upper {upper:R}");
            }
        }

        Assert.True(failures.Count == 0, $"seed {Seed}\n" + string.Join("\n", failures));
    }

    [Fact]
    public void Formerly_refused_input_is_priced()
    {
        // Refused before (kappa = 0.5*sqrt(30)/0.01 = 274 > 20, spot above the perpetual boundary B∞ = 99.995):
        // the value is the perpetual put's, which T = 30 years matches to many digits; QuantLib 1.29 QdFp
        // highPrecision gives 0.0018394025608311562 for T = 1 (fd_reference.csv), the perpetual value
        // (K − B∞)(S/B∞)^λ with λ = −19999.5 gives 0.0018394025608 as well.
        var p = new AmericanParameters(OptionType.Put, 100, 100, 30, 0.5, -0.5, 0.01);
        var price = AmericanOption.Price(p);
        var sigma2 = 0.01 * 0.01;
        var b = (2.0 * 1.0 / sigma2) - 1.0;
        var alpha = 2.0 * 0.5 / sigma2;
        var lambda = -0.5 * (b + Math.Sqrt((b * b) + (4.0 * alpha)));
        var boundary = 100 * lambda / (lambda - 1.0);
        var perpetual = (100 - boundary) * Math.Pow(100 / boundary, lambda);
        Assert.True(Math.Abs(price - perpetual) <= 1e-4 * perpetual, $"{p}: {price:R} vs perpetual {perpetual:R}");
        Assert.True(Resolution(p) > 20, $"{p}: kappa {Resolution(p)}");
    }

    private static double Rate(Random random) => random.Next(3) switch
    {
        0 => random.NextDouble() - 0.5,
        1 => 0.2 * random.NextDouble(),
        _ => (0.02 * random.NextDouble()) - 0.01,
    };

    private static double Resolution(AmericanParameters p)
    {
        var (rate, yield) = p.Type == OptionType.Put ? (p.Rate, p.DividendYield) : (p.DividendYield, p.Rate);
        return Math.Max(rate, Math.Abs(rate - yield)) * Math.Sqrt(p.ExpiryYears) / p.Volatility;
    }
}
