using Assay.Pricing.Engines.American;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Tests.American;

/// <summary>Published reference values for American puts.</summary>
public sealed class AmericanPublishedValuesTests
{
    /// <summary>
    /// Geske, R. and Johnson, H. E. (1984), "The American put option valued analytically", Journal of Finance
    /// 39(5), Table I, column of "true" (binomial) values: S = 40, r = 0.0488, q = 0, T = 1, 4, 7 months. The
    /// table's values carry the error of the lattice used in 1984; QuantLib 1.29's QdFpAmericanEngine
    /// (high-precision scheme) confirms every row to within 3.8e-4 (largest: sigma 0.4, K 40, T 1/12), hence the
    /// absolute tolerance of 5e-4 per row.
    /// </summary>
    public static TheoryData<double, double, double, double> GeskeJohnsonTableI => new()
    {
        // sigma, K, T (years), published value
        { 0.2, 35.0, 1.0 / 12, 0.0062 }, { 0.2, 35.0, 4.0 / 12, 0.2004 }, { 0.2, 35.0, 7.0 / 12, 0.4328 },
        { 0.2, 40.0, 1.0 / 12, 0.8522 }, { 0.2, 40.0, 4.0 / 12, 1.5798 }, { 0.2, 40.0, 7.0 / 12, 1.9904 },
        { 0.2, 45.0, 1.0 / 12, 5.0000 }, { 0.2, 45.0, 4.0 / 12, 5.0883 }, { 0.2, 45.0, 7.0 / 12, 5.2670 },
        { 0.3, 35.0, 1.0 / 12, 0.0774 }, { 0.3, 35.0, 4.0 / 12, 0.6975 }, { 0.3, 35.0, 7.0 / 12, 1.2198 },
        { 0.3, 40.0, 1.0 / 12, 1.3099 }, { 0.3, 40.0, 4.0 / 12, 2.4825 }, { 0.3, 40.0, 7.0 / 12, 3.1696 },
        { 0.3, 45.0, 1.0 / 12, 5.0597 }, { 0.3, 45.0, 4.0 / 12, 5.7056 }, { 0.3, 45.0, 7.0 / 12, 6.2436 },
        { 0.4, 35.0, 1.0 / 12, 0.2466 }, { 0.4, 35.0, 4.0 / 12, 1.3460 }, { 0.4, 35.0, 7.0 / 12, 2.1549 },
        { 0.4, 40.0, 1.0 / 12, 1.7681 }, { 0.4, 40.0, 4.0 / 12, 3.3874 }, { 0.4, 40.0, 7.0 / 12, 4.3526 },
        { 0.4, 45.0, 1.0 / 12, 5.2868 }, { 0.4, 45.0, 4.0 / 12, 6.5099 }, { 0.4, 45.0, 7.0 / 12, 7.3830 },
    };

    [Theory]
    [MemberData(nameof(GeskeJohnsonTableI))]
    public void Geske_Johnson_1984_Table_I(double sigma, double strike, double expiryYears, double published)
    {
        var p = new AmericanParameters(OptionType.Put, 40.0, strike, expiryYears, 0.0488, 0.0, sigma);
        var price = AmericanOption.Price(p);
        Assert.True(
            Math.Abs(price - published) <= 5e-4,
            $"{p}: got {price:R}, Geske-Johnson {published}, difference {price - published:E2}");
    }
}
