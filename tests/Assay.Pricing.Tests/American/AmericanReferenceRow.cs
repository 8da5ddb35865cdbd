using System.Globalization;
using Assay.Pricing.Engines.American;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Tests.American;

/// <summary>One row of tests/data/pricing/american/quantlib_american.csv (see generate_quantlib_american.py).</summary>
public sealed record AmericanReferenceRow(
    string Source,
    OptionType Type,
    double S,
    double K,
    double T,
    double R,
    double Q,
    double Sigma,
    double QdFp,
    double Crr1000,
    double Lr1001,
    double European,
    double? Delta,
    double? Gamma,
    double? Vega,
    double? Theta,
    double? Rho)
{
    public AmericanParameters Parameters => new(Type, S, K, T, R, Q, Sigma);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"[{Source}] {Type} S={S:R} K={K:R} T={T:R} r={R:R} q={Q:R} sigma={Sigma:R}");

    public static IReadOnlyList<AmericanReferenceRow> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "pricing", "american", "quantlib_american.csv");
        var lines = File.ReadAllLines(path);
        Assert.StartsWith("source,type,S,K,T,r,q,sigma,qdfp,crr1000,lr1001,european,delta,gamma,vega,theta,rho", lines[0]);
        var rows = new List<AmericanReferenceRow>();
        foreach (var line in lines.Skip(1))
        {
            var c = line.Split(',');
            rows.Add(new AmericanReferenceRow(
                c[0], c[1] == "Call" ? OptionType.Call : OptionType.Put,
                D(c[2]), D(c[3]), D(c[4]), D(c[5]), D(c[6]), D(c[7]), D(c[8]), D(c[9]), D(c[10]), D(c[11]),
                N(c[12]), N(c[13]), N(c[14]), N(c[15]), N(c[16])));
        }

        return rows;
    }

    private static double D(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static double? N(string s) => s.Length == 0 ? null : D(s);
}
