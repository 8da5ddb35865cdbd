using Assay.Compute.Tasks;

namespace Assay.Ledger.Views;

/// <summary>A task's verification policy: replication, quorum, spot checks, tolerance, challenge window and bond.</summary>
/// <param name="Replication">Nodes that compute the task.</param>
/// <param name="Quorum">Agreeing nodes needed.</param>
/// <param name="UniformSpotChecks">Leaves opened uniformly per proof.</param>
/// <param name="MassSpotChecks">Leaves opened in proportion to mass per proof.</param>
/// <param name="MassLane">Lane that defines a leaf's mass.</param>
/// <param name="ToleranceZ">Agreement band in pooled standard errors (0: bit-exact).</param>
/// <param name="ChallengeWindowBlocks">Challenge window (blocks).</param>
/// <param name="Bond">Minimum challenge bond (minor units).</param>
public sealed record VerificationPolicyView(
    int Replication, int Quorum, int UniformSpotChecks, int MassSpotChecks, int MassLane, double ToleranceZ, ulong ChallengeWindowBlocks, ulong Bond)
{
    /// <summary>The view of <paramref name="policy"/>.</summary>
    public static VerificationPolicyView From(VerificationPolicy policy) => new(
        policy.Replication, policy.Quorum, policy.SpotChecks.UniformCount, policy.SpotChecks.MassCount, policy.SpotChecks.MassLane,
        policy.ToleranceZ, policy.ChallengeWindowBlocks, policy.BondMinorUnits);
}
