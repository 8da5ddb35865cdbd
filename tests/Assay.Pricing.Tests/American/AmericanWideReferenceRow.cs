using System.Globalization;
using Assay.Pricing.Engines.American;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Tests.American;

/// <summary>One row of tests/data/pricing/american/quantlib_american_wide.csv (see generate_quantlib_american_wide.py).</summary>
public sealed record AmericanWideReferenceRow(
    string Source, OptionType Type, double S, double K, double T, double R, double Q, double Sigma, double Reference, string RefSource)
{
    public AmericanParameters Parameters => new(Type, S, K, T, R, Q, Sigma);

    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"[{Source}/{RefSource}] {Type} S={S:R} K={K:R} T={T:R} r={R:R} q={Q:R} sigma={Sigma:R}");

    public static IReadOnlyList<AmericanWideReferenceRow> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "pricing", "american", "quantlib_american_wide.csv");
        var lines = File.ReadAllLines(path);
        Assert.Equal("source,type,S,K,T,r,q,sigma,reference,ref_source,qdfp,lr,european", lines[0]);
        return lines.Skip(1).Select(line =>
        {
            var c = line.Split(',');
            return new AmericanWideReferenceRow(
                c[0], c[1] == "Call" ? OptionType.Call : OptionType.Put, D(c[2]), D(c[3]), D(c[4]), D(c[5]), D(c[6]), D(c[7]), D(c[8]), c[9]);
        }).ToList();
    }

    private static double D(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
