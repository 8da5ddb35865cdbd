using Assay.Proofs.SpotCheck;

namespace Assay.Compute.Tasks;

/// <summary>How a task's result becomes trusted: replication, quorum, spot checks, tolerance, challenge window and bond.</summary>
/// <remarks>
/// Canonical layout (inside <see cref="TaskSpec"/>): u32 replication, u32 quorum, u32 uniform spot checks, u32 mass
/// spot checks, u32 mass lane, f64 tolerance z, u64 challenge window (blocks), u64 bond (minor units).
/// </remarks>
/// <param name="Replication">Nodes that compute the task independently, r ≥ 1.</param>
/// <param name="Quorum">Agreeing nodes needed, 1 ≤ q ≤ r.</param>
/// <param name="SpotChecks">Leaves opened per proof (uniform and mass-proportional) and the lane that defines mass.</param>
/// <param name="ToleranceZ">Agreement band in pooled standard errors for tolerance tasks (0 = bit-exact agreement); finite, 0 … <see cref="MaxToleranceZ"/>.</param>
/// <param name="ChallengeWindowBlocks">Blocks during which an agreed result may be challenged.</param>
/// <param name="BondMinorUnits">Bond a node (or a challenger) posts, in the smallest currency unit.</param>
public readonly record struct VerificationPolicy(
    int Replication,
    int Quorum,
    SpotCheckPolicy SpotChecks,
    double ToleranceZ,
    ulong ChallengeWindowBlocks,
    ulong BondMinorUnits)
{
    /// <summary>Largest replication factor.</summary>
    public const int MaxReplication = 64;

    /// <summary>Largest tolerance band in standard errors.</summary>
    public const double MaxToleranceZ = 100.0;

    /// <summary>Throws <see cref="TaskSpecException"/> naming the first field out of range.</summary>
    public void Validate()
    {
        if (Replication < 1 || Replication > MaxReplication)
        {
            throw new TaskSpecException("replication", $"replication must be 1 … {MaxReplication}; got {Replication}.");
        }

        if (Quorum < 1 || Quorum > Replication)
        {
            throw new TaskSpecException("quorum", $"quorum must be 1 … replication = {Replication}; got {Quorum}.");
        }

        if (SpotChecks.UniformCount < 0 || SpotChecks.MassCount < 0 || (long)SpotChecks.UniformCount + SpotChecks.MassCount > SpotCheckPolicy.MaxOpenings)
        {
            throw new TaskSpecException("spot_checks", $"spot_checks: uniform ({SpotChecks.UniformCount}) and mass ({SpotChecks.MassCount}) spot checks must be ≥ 0 and add up to at most {SpotCheckPolicy.MaxOpenings}.");
        }

        if (SpotChecks.MassLane < 0)
        {
            throw new TaskSpecException("mass_lane", $"mass_lane must be ≥ 0; got {SpotChecks.MassLane}.");
        }

        if (!(ToleranceZ >= 0.0 && ToleranceZ <= MaxToleranceZ))
        {
            throw new TaskSpecException("tolerance_z", $"tolerance_z must be finite and in [0, {MaxToleranceZ}]; got {ToleranceZ}.");
        }
    }
}
