namespace Assay.Compute.Agreement;

/// <summary>Agreement of Monte Carlo estimates from independent seeds: each must lie within z standard errors of the pooled estimate.</summary>
/// <remarks>
/// <para>Pooled estimate: weights wᵢ = 1/sᵢ², x̄ = Σwᵢxᵢ / Σwᵢ, s̄ = √(1/Σwᵢ) — the minimum-variance unbiased
/// combination of independent unbiased estimates. Sums run in input order, so the bits depend only on the inputs.</para>
/// <para>Estimate i is accepted when |xᵢ − x̄| ≤ z·√(sᵢ² − s̄²). Because x̄ contains xᵢ, Var(xᵢ − x̄) = sᵢ² − s̄² exactly for
/// independent estimates; using sᵢ alone would widen the band (and for one estimate the difference is 0).</para>
/// </remarks>
public static class ToleranceAgreement
{
    /// <summary>Largest number of estimates.</summary>
    public const int MaxEstimates = 1024;

    /// <summary>Pools <paramref name="estimates"/> and tests each against the pooled estimate with band <paramref name="z"/>.</summary>
    /// <exception cref="ArgumentException">No estimates or too many, a non-finite value, a standard error not finite and &gt; 0, or z not finite and ≥ 0.</exception>
    public static AgreementResult Agree(ReadOnlySpan<Estimate> estimates, double z)
    {
        if (estimates.Length is 0 or > MaxEstimates)
        {
            throw new ArgumentException($"Agreement needs 1 … {MaxEstimates} estimates; got {estimates.Length}.", nameof(estimates));
        }

        if (!(z >= 0.0 && double.IsFinite(z)))
        {
            throw new ArgumentException($"z must be finite and ≥ 0; got {z}.", nameof(z));
        }

        var weightSum = 0.0;
        var weightedSum = 0.0;
        for (var i = 0; i < estimates.Length; i++)
        {
            var (value, error) = estimates[i];
            if (!double.IsFinite(value) || !(error > 0.0 && double.IsFinite(error)))
            {
                throw new ArgumentException($"Estimate {i} needs a finite value and a finite standard error > 0; got {value}, {error}.", nameof(estimates));
            }

            var weight = 1.0 / (error * error);
            weightSum += weight;
            weightedSum += weight * value;
        }

        var pooled = new Estimate(weightedSum / weightSum, Math.Sqrt(1.0 / weightSum));
        var pooledVariance = pooled.StandardError * pooled.StandardError;
        var accepted = new bool[estimates.Length];
        var count = 0;
        for (var i = 0; i < estimates.Length; i++)
        {
            var (value, error) = estimates[i];
            var band = z * Math.Sqrt(Math.Max((error * error) - pooledVariance, 0.0));
            accepted[i] = Math.Abs(value - pooled.Value) <= band;
            count += accepted[i] ? 1 : 0;
        }

        return new AgreementResult(pooled, accepted, count);
    }
}
