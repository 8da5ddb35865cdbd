using Assay.Pricing.Batch;
using Assay.Pricing.Instruments;

namespace Assay.Cli.Commands;

/// <summary>A book of European options in structure-of-arrays form, drawn like the QuantLib reference's inputs.</summary>
/// <remarks>S = 100, K in [70, 130], T in [0.05, 2], r in [0, 0.08], q in [0, 0.04], σ in [0.1, 0.6], half calls.</remarks>
public sealed class BenchBook
{
    private readonly BlackScholesBatchInput _input;
    private readonly BlackScholesBatchOutput _output;

    private BenchBook(int count)
    {
        Count = count;
        Types = new OptionType[count];
        Spot = new double[count];
        Strike = new double[count];
        ExpiryYears = new double[count];
        Rate = new double[count];
        DividendYield = new double[count];
        Volatility = new double[count];
        var rng = new Random(20261121);
        for (var i = 0; i < count; i++)
        {
            Spot[i] = 100.0;
            Strike[i] = 70.0 + (60.0 * rng.NextDouble());
            ExpiryYears[i] = 0.05 + (1.95 * rng.NextDouble());
            Rate[i] = 0.08 * rng.NextDouble();
            DividendYield[i] = 0.04 * rng.NextDouble();
            Volatility[i] = 0.1 + (0.5 * rng.NextDouble());
            Types[i] = rng.NextDouble() < 0.5 ? OptionType.Call : OptionType.Put;
        }

        _input = new BlackScholesBatchInput(Types, Spot, Strike, ExpiryYears, Rate, DividendYield, Volatility);
        _output = BlackScholesBatchOutput.Allocate(count, includeSecondOrder: false);
    }

    /// <summary>Number of options.</summary>
    public int Count { get; }

    /// <summary>Call or put per option.</summary>
    public OptionType[] Types { get; }

    /// <summary>Spot prices.</summary>
    public double[] Spot { get; }

    /// <summary>Strikes.</summary>
    public double[] Strike { get; }

    /// <summary>Years to expiry.</summary>
    public double[] ExpiryYears { get; }

    /// <summary>Continuously compounded rates.</summary>
    public double[] Rate { get; }

    /// <summary>Continuous dividend yields.</summary>
    public double[] DividendYield { get; }

    /// <summary>Volatilities.</summary>
    public double[] Volatility { get; }

    /// <summary>Draws a book of <paramref name="count"/> options.</summary>
    public static BenchBook Create(int count) => new(count);

    /// <summary>Prices the whole book with price, delta, gamma, vega, theta and rho on <paramref name="threads"/> threads.</summary>
    public void PriceBatch(int threads) => BlackScholesBatch.Evaluate(_input, _output, threads);
}
