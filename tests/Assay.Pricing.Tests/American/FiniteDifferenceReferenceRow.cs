using System.Globalization;
using Assay.Pricing.Engines.American;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Tests.American;

/// <summary>One row of tests/data/pricing/american/fd_reference.csv (see generate_fd_reference.py).</summary>
public sealed record FiniteDifferenceReferenceRow(
    string Region, OptionType Type, double S, double K, double T, double R, double Q, double Sigma, double Reference, double Check, double European)
{
    public AmericanParameters Parameters => new(Type, S, K, T, R, Q, Sigma);

    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"[{Region}] {Type} S={S:R} K={K:R} T={T:R} r={R:R} q={Q:R} sigma={Sigma:R} reference={Reference:R}");

    public static IReadOnlyList<FiniteDifferenceReferenceRow> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "pricing", "american", "fd_reference.csv");
        var lines = File.ReadAllLines(path);
        Assert.Equal("region,type,S,K,T,r,q,sigma,reference,check,european", lines[0]);
        return lines.Skip(1).Select(line =>
        {
            var c = line.Split(',');
            return new FiniteDifferenceReferenceRow(
                c[0], c[1] == "Call" ? OptionType.Call : OptionType.Put, D(c[2]), D(c[3]), D(c[4]), D(c[5]), D(c[6]), D(c[7]), D(c[8]), D(c[9]), D(c[10]));
        }).ToList();
    }

    private static double D(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
