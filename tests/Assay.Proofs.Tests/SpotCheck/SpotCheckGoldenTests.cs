using System.Globalization;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;
using Assay.Proofs.SpotCheck;
using static Assay.Proofs.Tests.MerkleSum.MerkleSumTestData;

namespace Assay.Proofs.Tests.SpotCheck;

/// <summary>Challenge derivation, proof encoding and policy sizes against tests/data/proofs/merkle-sum/generate_vectors.py.</summary>
public class SpotCheckGoldenTests
{
    private readonly IReadOnlyDictionary<string, string> _vectors = Vectors();

    [Fact]
    public void Challenge_and_proof_match_the_independent_vectors()
    {
        var tree = MerkleSumTree.Build(Layout, GoldenLeaves());
        var seed = Hex(_vectors["challenge_seed"]);
        var p = _vectors["challenge_policy"].Split(' ').Select(int.Parse).ToArray();
        var policy = new SpotCheckPolicy(p[0], p[1], p[2]);
        var challenge = SpotCheckChallenge.Derive(tree.Root, seed, policy);
        Assert.Equal(_vectors["challenge_key"], challenge.Key.ToString());

        var preimage = new byte[Hash256.Length + 9];
        challenge.Key.WriteTo(preimage);
        Assert.Equal(_vectors["challenge_draw_0_0"], DomainHash.Compute(SpotCheckChallenge.DrawTag, preimage).ToString());
        Assert.Equal(_vectors["challenge_uniform"], string.Join(' ', challenge.UniformIndices));
        Assert.Equal(_vectors["challenge_mass_targets"], string.Join(' ', challenge.MassTargets.Select(t => t.ToString(CultureInfo.InvariantCulture))));
        Assert.Equal(_vectors["challenge_mass_leaves"], string.Join(' ', challenge.MassTargets.Select(t => tree.FindByMass(policy.MassLane, t))));

        var proof = SpotCheckProver.Prove(tree, seed, policy);
        Assert.Equal(_vectors["proof_encoding"], Convert.ToHexStringLower(proof.Encode()));
        var decoded = SpotCheckProof.Decode(Hex(_vectors["proof_encoding"]), Layout);
        var verdict = SpotCheckVerifier.Verify(Layout, tree.Root, seed, policy, decoded, i => tree.GetLeaf(i));
        Assert.True(verdict.IsValid, verdict.ToString());
        Assert.Equal(decoded.Openings.Count, verdict.LeavesRecomputed);
    }

    [Fact]
    public void Policies_match_exact_binomial_and_rational_sizes()
    {
        var rows = _vectors.Where(v => v.Key.StartsWith("policy ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(6, rows.Length);
        foreach (var (key, value) in rows)
        {
            var f = key.Split(' ');
            var n = long.Parse(f[1], CultureInfo.InvariantCulture);
            var target = double.Parse(f[2], CultureInfo.InvariantCulture);
            var epsilon = double.Parse(f[3], CultureInfo.InvariantCulture);
            var rho = double.Parse(f[4], CultureInfo.InvariantCulture);
            var expected = value.Split(' ').Select(int.Parse).ToArray();
            var policy = SpotCheckPolicy.For(n, target, epsilon, MassLane, rho);
            Assert.True(expected[0] == policy.UniformCount && expected[1] == policy.MassCount, $"n {n}, target {target}, ε {epsilon}, ρ {rho}: got {policy}, expected k_u {expected[0]}, k_m {expected[1]}");
        }
    }

    [Fact]
    public void Hypergeometric_detection_matches_exact_binomial_ratios()
    {
        foreach (var (key, value) in _vectors.Where(v => v.Key.StartsWith("hypergeometric ", StringComparison.Ordinal)))
        {
            var f = key.Split(' ').Skip(1).Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            var expected = double.Parse(value, CultureInfo.InvariantCulture);
            var actual = SpotCheckDetection.Hypergeometric(f[0], f[1], f[2]);
            Assert.True(Math.Abs(actual - expected) <= 1e-12, $"n {f[0]}, m {f[1]}, k {f[2]}: {actual:R} vs {expected:R}");
        }
    }
}
