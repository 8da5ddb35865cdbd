namespace Assay.Pricing.Batch;

/// <summary>Destination arrays for a Black–Scholes–Merton batch: price and the main Greeks, plus four optional ones.</summary>
/// <remarks>
/// Each required array must have exactly as many items as the input. The optional arrays (DividendRho, Vanna,
/// Volga, Charm) are either empty, and then not written, or of the same length. Units are those of
/// <see cref="Engines.Analytic.OptionGreeks"/>.
/// </remarks>
public sealed class BlackScholesBatchOutput
{
    /// <summary>Wraps the six required output arrays.</summary>
    public BlackScholesBatchOutput(
        Memory<double> price,
        Memory<double> delta,
        Memory<double> gamma,
        Memory<double> vega,
        Memory<double> theta,
        Memory<double> rho)
    {
        Price = price;
        Delta = delta;
        Gamma = gamma;
        Vega = vega;
        Theta = theta;
        Rho = rho;
    }

    /// <summary>Present value, per option.</summary>
    public Memory<double> Price { get; }

    /// <summary>∂V/∂S, per option.</summary>
    public Memory<double> Delta { get; }

    /// <summary>∂²V/∂S², per option.</summary>
    public Memory<double> Gamma { get; }

    /// <summary>∂V/∂σ per 1.00 of volatility, per option.</summary>
    public Memory<double> Vega { get; }

    /// <summary>−∂V/∂T per year, per option.</summary>
    public Memory<double> Theta { get; }

    /// <summary>∂V/∂r per 1.00 of rate, per option.</summary>
    public Memory<double> Rho { get; }

    /// <summary>∂V/∂q per 1.00 of yield, per option; empty to skip.</summary>
    public Memory<double> DividendRho { get; init; }

    /// <summary>∂²V/∂S∂σ, per option; empty to skip.</summary>
    public Memory<double> Vanna { get; init; }

    /// <summary>∂²V/∂σ², per option; empty to skip.</summary>
    public Memory<double> Volga { get; init; }

    /// <summary>−∂Δ/∂T per year, per option; empty to skip.</summary>
    public Memory<double> Charm { get; init; }

    /// <summary>Allocates fresh arrays of <paramref name="count"/> items, with or without the four optional Greeks.</summary>
    public static BlackScholesBatchOutput Allocate(int count, bool includeSecondOrder)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new BlackScholesBatchOutput(
            new double[count], new double[count], new double[count], new double[count], new double[count], new double[count])
        {
            DividendRho = includeSecondOrder ? new double[count] : Memory<double>.Empty,
            Vanna = includeSecondOrder ? new double[count] : Memory<double>.Empty,
            Volga = includeSecondOrder ? new double[count] : Memory<double>.Empty,
            Charm = includeSecondOrder ? new double[count] : Memory<double>.Empty,
        };
    }
}
