using System.Numerics;
using Assay.Proofs.Hashing;

namespace Assay.Proofs.Delay;

/// <summary>The output of a Wesolowski VDF evaluation with its proof: y = x^(2^T) and π = x^⌊2^T/ℓ⌋ in (ℤ/Nℤ)^×/{±1}.</summary>
/// <param name="Seed">The seed hashed to the input x.</param>
/// <param name="DelaySquarings">The delay T, in sequential squarings.</param>
/// <param name="Output">y, as its canonical representative in [1, (N − 1)/2].</param>
/// <param name="Proof">π, as its canonical representative in [1, (N − 1)/2].</param>
public sealed record VdfProof(Hash256 Seed, long DelaySquarings, BigInteger Output, BigInteger Proof);
