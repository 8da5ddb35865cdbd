using Assay.Numerics.LinearAlgebra;

namespace Assay.Pricing.MonteCarlo;

/// <summary>Correlated geometric Brownian motions for a basket: dS_i = (r − q_i)S_i dt + σ_i S_i dW_i, d⟨W_i, W_j⟩ = ρ_ij dt.</summary>
/// <remarks>
/// <para>The simulated quantity is the basket value B(t) = Σ w_i·S_i(t); payoffs see it as their underlying. Each
/// asset takes the exact log step with ε = L·z, L the Cholesky factor of the correlation matrix (rank-deficient
/// matrices allowed) and z_k the normal of (seed, path, step, dimension k).</para>
/// <para>Field names in errors: S[i], q[i], sigma[i], weight[i] (i counted from 1), r, T, correlation.</para>
/// </remarks>
/// <param name="Spots">S_i(0), each finite and &gt; 0; 1 … <see cref="MaxAssets"/> assets.</param>
/// <param name="DividendYields">q_i, finite, one per asset.</param>
/// <param name="Volatilities">σ_i, in [1e-6, 10], one per asset.</param>
/// <param name="Weights">w_i, finite (negative weights make spreads), one per asset, not all zero.</param>
/// <param name="Correlation">Row-major n × n correlation matrix: symmetric, unit diagonal, positive semi-definite.</param>
/// <param name="ExpiryYears">Horizon T in years.</param>
/// <param name="Rate">Risk-free rate r.</param>
public sealed record BasketModel(
    IReadOnlyList<double> Spots,
    IReadOnlyList<double> DividendYields,
    IReadOnlyList<double> Volatilities,
    IReadOnlyList<double> Weights,
    IReadOnlyList<double> Correlation,
    double ExpiryYears,
    double Rate) : PathModel
{
    /// <summary>Largest number of assets in a basket.</summary>
    public const int MaxAssets = 64;

    /// <summary>Number of assets.</summary>
    public int Count => Spots?.Count ?? 0;

    /// <summary>B(0) = Σ w_i·S_i(0).</summary>
    public double InitialValue
    {
        get
        {
            var sum = 0.0;
            for (var i = 0; i < Count; i++)
            {
                sum += Weights[i] * Spots[i];
            }

            return sum;
        }
    }

    /// <inheritdoc/>
    public override void Validate()
    {
        ArgumentNullException.ThrowIfNull(Spots);
        ArgumentNullException.ThrowIfNull(DividendYields);
        ArgumentNullException.ThrowIfNull(Volatilities);
        ArgumentNullException.ThrowIfNull(Weights);
        ArgumentNullException.ThrowIfNull(Correlation);
        var n = Spots.Count;
        if (n < 1 || n > MaxAssets)
        {
            InputGuard.Fail("S", $"a basket needs 1 to {MaxAssets} assets; got {n}");
        }

        foreach (var (list, field) in new[] { (DividendYields, "q"), (Volatilities, "sigma"), (Weights, "weight") })
        {
            if (list.Count != n)
            {
                InputGuard.Fail(field, $"{field} needs one value per asset ({n}); got {list.Count}");
            }
        }

        var anyWeight = false;
        for (var i = 0; i < n; i++)
        {
            InputGuard.Positive(Spots[i], $"S[{i + 1}]");
            InputGuard.InRange(DividendYields[i], $"q[{i + 1}]", -1.0, 1.0);
            InputGuard.InRange(Volatilities[i], $"sigma[{i + 1}]", 1e-6, 10.0);
            InputGuard.InRange(Weights[i], $"weight[{i + 1}]", -1e6, 1e6);
            anyWeight |= Weights[i] != 0.0;
        }

        if (!anyWeight)
        {
            InputGuard.Fail("weight", "at least one basket weight must be non-zero");
        }

        InputGuard.InRange(ExpiryYears, "T", 1e-6, 100.0);
        InputGuard.InRange(Rate, "r", -1.0, 1.0);
        _ = CorrelationFactor();
    }

    /// <summary>The Cholesky factor of <see cref="Correlation"/>, as row-major n × n entries.</summary>
    /// <exception cref="PricingInputException">The matrix has the wrong size or is not a correlation matrix (field <c>correlation</c>).</exception>
    internal double[] CorrelationFactor()
    {
        var n = Count;
        if (Correlation.Count != n * n)
        {
            InputGuard.Fail("correlation", $"correlation must be a {n} x {n} matrix ({n * n} entries); got {Correlation.Count} entries");
        }

        try
        {
            return Cholesky.FactorCorrelation(Correlation.ToArray(), n).ToArray();
        }
        catch (MatrixInputException e)
        {
            throw new PricingInputException("correlation", e.Message);
        }
    }
}
