using Assay.Pricing.Engines.American;
using Assay.Pricing.Instruments;

namespace Assay.Pricing.Engines.FiniteDifference;

/// <summary>American vanilla options by a Crank–Nicolson finite-difference solver of the Black–Scholes PDE in ln S.</summary>
/// <remarks>
/// <para>
/// Calls are priced as puts by McDonald–Schroder symmetry C(S, K, r, q, σ) = P(K, S, q, r, σ); the put is solved by
/// <see cref="AmericanPutSolver"/> (see there and docs/pricing-american.md for the scheme). The mesh is concentrated
/// at the strike with width <see cref="ConcentrationWidth"/> × the finest length scale of the problem,
/// min(σ√T, σ²/(2 max(μ, 0)), σ/√(2|r|)), and reaches <see cref="Reach"/> standard deviations beyond the spot, its
/// drifted image and the strike. All sizes except the node counts are continuous functions of the inputs, so the
/// price is a smooth function of them for a fixed grid and bumped Greeks are meaningful.
/// </para>
/// <para>
/// Deterministic: only IEEE arithmetic, <c>Math.Sqrt/Min/Max</c> and <c>DMath.Exp/Expm1/Log/Log1p</c> in a fixed
/// order; no reduction depends on threads or SIMD width.
/// </para>
/// </remarks>
public static class FiniteDifferenceAmerican
{
    /// <summary>The grid used when none is given: 200 intervals each side of the strike, 200 steps, Richardson with 400 × 400.</summary>
    /// <remarks>Measured against QuantLib 1.29 on tests/data/pricing/american/fd_reference.csv: see docs/pricing-american.md.</remarks>
    public static readonly FiniteDifferenceGrid DefaultGrid = new(200, 200, Richardson: true);

    /// <summary>Width of the sinh concentration at the strike, in units of the finest length scale.</summary>
    public const double ConcentrationWidth = 0.5;

    /// <summary>Standard deviations σ√T between the region that matters and the mesh boundary.</summary>
    public const double Reach = 8.0;

    /// <summary>Extra reach beyond strike, spot and drifted spot, as a fraction of the distance they span.</summary>
    public const double Margin = 0.25;

    /// <summary>Leading time steps taken as two implicit-Euler half steps each (Rannacher start).</summary>
    public const int DampingSteps = 2;

    /// <summary>Volatility used in place of smaller ones; the price moves by at most about vega × 1e-8 there.</summary>
    public const double VolatilityFloor = 1e-8;

    /// <summary>Relative step in sigma for vega.</summary>
    public const double VolatilityRelativeBump = 1e-3;

    /// <summary>Absolute step in r for rho.</summary>
    public const double RateBump = 1e-4;

    /// <summary>Price, delta, gamma and theta of the American option described by <paramref name="p"/>.</summary>
    /// <exception cref="PricingInputException">An input or a grid size is outside its allowed range.</exception>
    public static FiniteDifferenceResult Price(in AmericanParameters p, FiniteDifferenceGrid? grid = null)
    {
        p.Validate();
        var g = grid ?? DefaultGrid;
        g.Validate();
        return Solve(p, g);
    }

    /// <summary>Price and all Greeks; vega and rho by central bumps on the same grid sizes.</summary>
    /// <exception cref="PricingInputException">An input or a grid size is outside its allowed range.</exception>
    public static AmericanResult Greeks(in AmericanParameters p, FiniteDifferenceGrid? grid = null)
    {
        p.Validate();
        var g = grid ?? DefaultGrid;
        g.Validate();
        var centre = Solve(p, g);
        var hSigma = VolatilityRelativeBump * p.Volatility;
        var vega = (Solve(p with { Volatility = p.Volatility + hSigma }, g).Price
            - Solve(p with { Volatility = p.Volatility - hSigma }, g).Price) / (2.0 * hSigma);

        // The rate stays inside the solver's domain of validity on both sides, so no one-sided difference is needed.
        var rho = (Solve(p with { Rate = p.Rate + RateBump }, g).Price
            - Solve(p with { Rate = p.Rate - RateBump }, g).Price) / (2.0 * RateBump);
        return new AmericanResult(centre.Price, centre.Delta, centre.Gamma, vega, centre.Theta, rho);
    }

    private static FiniteDifferenceResult Solve(in AmericanParameters p, FiniteDifferenceGrid g)
    {
        var result = Solve(p, g.HalfSpaceIntervals, g.TimeSteps);
        if (g.Richardson)
        {
            var fine = Solve(p, 2 * g.HalfSpaceIntervals, 2 * g.TimeSteps);
            result = new FiniteDifferenceResult(
                Extrapolate(result.Price, fine.Price),
                Extrapolate(result.Delta, fine.Delta),
                Extrapolate(result.Gamma, fine.Gamma),
                Extrapolate(result.Theta, fine.Theta));
        }

        // The discretisation error may put a price whose early-exercise premium is nil a few 1e-9 below the European
        // value or the intrinsic value; both are lower bounds of the American price.
        var intrinsic = Math.Max(p.Type == OptionType.Put ? p.Strike - p.Spot : p.Spot - p.Strike, 0.0);
        var european = EuropeanBlack.Price(p.Type, p.Spot, p.Strike, p.ExpiryYears, p.Rate, p.DividendYield, p.Volatility);
        return result with { Price = Math.Max(result.Price, Math.Max(european, intrinsic)) };
    }

    /// <summary>Richardson extrapolation for a second-order error: (4·fine − coarse)/3.</summary>
    private static double Extrapolate(double coarse, double fine) => ((4.0 * fine) - coarse) / 3.0;

    private static FiniteDifferenceResult Solve(in AmericanParameters p, int m, int n)
    {
        if (p.Type == OptionType.Put)
        {
            return AmericanPutSolver.Solve(p.Spot, p.Strike, p.ExpiryYears, p.Rate, p.DividendYield, p.Volatility, m, n);
        }

        // C(S, K, r, q) = P(K, S, q, r). With P'(x, y) the symmetric put (spot x = K, strike y = S), homogeneity
        // P' = x∂ₓP' + y∂ᵧP' gives ∂C/∂S = ∂ᵧP' = (P' − K∂ₓP')/S and ∂²C/∂S² = K²∂ₓₓP'/S²; theta is unchanged.
        var put = AmericanPutSolver.Solve(p.Strike, p.Spot, p.ExpiryYears, p.DividendYield, p.Rate, p.Volatility, m, n);
        var ratio = p.Strike / p.Spot;
        return new FiniteDifferenceResult(put.Price, (put.Price / p.Spot) - (ratio * put.Delta), ratio * ratio * put.Gamma, put.Theta);
    }
}
