using System.Buffers.Binary;
using System.Numerics;
using Assay.Proofs.Hashing;

namespace Assay.Proofs.Delay;

/// <summary>Wesolowski's verifiable delay function over the RSA group (ℤ/Nℤ)^×/{±1} of unknown order.</summary>
/// <remarks>
/// B. Wesolowski, "Efficient verifiable delay functions", EUROCRYPT 2019 (J. Cryptology 33, 2020). Evaluation takes T
/// sequential squarings; verification checks π^ℓ · x^r = y with r = 2^T mod ℓ, two exponentiations with 256-bit
/// exponents. Elements are taken modulo ±1 (canonical representative min(v, N − v)), because −1 has known order 2
/// and would otherwise let a prover pass off −y with proof −π (ℓ is odd). Input map, prime derivation and encodings are
/// documented in docs/proofs-keys-and-vdf.md; tags "assay/vdf-input/v1" and "assay/vdf-prime/v1".
/// </remarks>
public sealed partial class WesolowskiVdf
{
    /// <summary>Smallest delay accepted, in squarings.</summary>
    public const long MinDelaySquarings = 1;

    /// <summary>Largest delay accepted, in squarings (2⁴⁰, days of sequential work).</summary>
    public const long MaxDelaySquarings = 1L << 40;

    /// <summary>Bit length of the challenge prime ℓ (2λ for λ = 128-bit security, as in Wesolowski §3 and Boneh–Bünz–Fisch).</summary>
    public const int ChallengePrimeBits = 256;

    /// <summary>Domain tag of the hash from seed to group element.</summary>
    public const string InputTag = "assay/vdf-input/v1";

    /// <summary>Domain tag of the hash to the challenge prime.</summary>
    public const string PrimeTag = "assay/vdf-prime/v1";

    private const int MaxInputAttempts = 16;
    private const int MaxPrimeAttempts = 1 << 16;
    private const int MinModulusBits = 32;
    private const int MaxModulusBits = 8192;

    private readonly BigInteger _half;
    private readonly MontgomeryDomain _domain;

    /// <summary>A VDF over the group modulo <paramref name="modulus"/> (odd, 32 to 8192 bits, of unknown factorisation in production).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The modulus is even or its size is out of range.</exception>
    public WesolowskiVdf(BigInteger modulus)
    {
        var bits = modulus.Sign > 0 ? modulus.GetBitLength() : 0;
        if (modulus.IsEven || bits < MinModulusBits || bits > MaxModulusBits)
        {
            throw new ArgumentOutOfRangeException(nameof(modulus), $"The modulus must be odd with {MinModulusBits} to {MaxModulusBits} bits.");
        }

        Modulus = modulus;
        ElementLength = (int)((bits + 7) / 8);
        _half = (modulus - 1) >> 1;
        _domain = new MontgomeryDomain(modulus);
    }

    /// <summary>The VDF over the RSA-2048 challenge modulus, the one used by the network.</summary>
    public static WesolowskiVdf Rsa2048 { get; } = new(RsaChallengeNumbers.Rsa2048);

    /// <summary>The modulus N.</summary>
    public BigInteger Modulus { get; }

    /// <summary>Bytes in the encoding of one group element (256 for RSA-2048).</summary>
    public int ElementLength { get; }

    /// <summary>Whether <paramref name="delaySquarings"/> is in [<see cref="MinDelaySquarings"/>, <see cref="MaxDelaySquarings"/>].</summary>
    public static bool IsValidDelay(long delaySquarings) => delaySquarings is >= MinDelaySquarings and <= MaxDelaySquarings;

    /// <summary>The group element x derived from a seed: hash expanded past the modulus size, reduced mod N, taken modulo ±1.</summary>
    /// <remarks>
    /// For attempt a = 0, 1, …: bytes = ‖_{i=0}^{m−1} DomainHash("assay/vdf-input/v1", seed ‖ u32le(a) ‖ u32le(i)) with
    /// m = ⌈(w + 32) / 32⌉ blocks (w = element bytes), read as a little-endian integer v, so v mod N is within 2⁻²⁵⁶ of
    /// uniform. x = min(v mod N, N − v mod N); the attempt is retried if x ≤ 1 or gcd(x, N) ≠ 1 (never observed for
    /// RSA-2048: either would factor N or hit a 3-in-N chance).
    /// </remarks>
    public BigInteger HashToGroup(Hash256 seed)
    {
        var blocks = (ElementLength + Hash256.Length + Hash256.Length - 1) / Hash256.Length;
        var expanded = new byte[blocks * Hash256.Length];
        Span<byte> preimage = stackalloc byte[Hash256.Length + 8];
        seed.WriteTo(preimage);
        for (var attempt = 0; attempt < MaxInputAttempts; attempt++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(preimage[Hash256.Length..], (uint)attempt);
            for (var i = 0; i < blocks; i++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(preimage[(Hash256.Length + 4)..], (uint)i);
                DomainHash.Compute(InputTag, preimage).WriteTo(expanded.AsSpan(i * Hash256.Length));
            }

            var x = Canonical(new BigInteger(expanded, isUnsigned: true, isBigEndian: false) % Modulus);
            if (x > 1 && BigInteger.GreatestCommonDivisor(x, Modulus).IsOne)
            {
                return x;
            }
        }

        throw new InvalidOperationException($"No unit of the group found for seed {seed} in {MaxInputAttempts} attempts; the modulus is unsuitable.");
    }

    /// <summary>The challenge prime ℓ = Hprime(T, x, y): the first 256-bit Baillie–PSW prime in a hash-derived sequence.</summary>
    /// <remarks>
    /// For j = 0, 1, …: c = DomainHash("assay/vdf-prime/v1", u64le(T) ‖ x ‖ y ‖ u32le(j)) read as a 256-bit little-endian
    /// integer with bits 255 and 0 set; ℓ is the first c that <see cref="Primality.IsProbablePrime"/> accepts
    /// (about 89 tries on average). x and y are w-byte little-endian canonical representatives.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The delay is out of range.</exception>
    public BigInteger DeriveChallengePrime(long delaySquarings, BigInteger x, BigInteger y)
    {
        if (!IsValidDelay(delaySquarings))
        {
            ThrowDelayOutOfRange(delaySquarings);
        }

        var preimage = new byte[8 + (2 * ElementLength) + 4];
        BinaryPrimitives.WriteUInt64LittleEndian(preimage, (ulong)delaySquarings);
        WriteElement(x, preimage.AsSpan(8, ElementLength));
        WriteElement(y, preimage.AsSpan(8 + ElementLength, ElementLength));
        Span<byte> candidate = stackalloc byte[Hash256.Length];
        for (var j = 0; j < MaxPrimeAttempts; j++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(preimage.AsSpan(8 + (2 * ElementLength)), (uint)j);
            DomainHash.Compute(PrimeTag, preimage).WriteTo(candidate);
            candidate[0] |= 0x01;
            candidate[Hash256.Length - 1] |= 0x80;
            var c = new BigInteger(candidate, isUnsigned: true, isBigEndian: false);
            if (Primality.IsProbablePrime(c))
            {
                return c;
            }
        }

        throw new InvalidOperationException($"No prime among {MaxPrimeAttempts} candidates (probability below 2^-1000).");
    }

    /// <summary>Whether <paramref name="proof"/> is a correct evaluation: π^ℓ · x^(2^T mod ℓ) ≡ ±y (mod N).</summary>
    /// <remarks>Deterministic; refuses (false) delays out of range and y or π outside [1, (N − 1)/2].</remarks>
    public bool Verify(VdfProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (!IsValidDelay(proof.DelaySquarings) || !IsCanonicalElement(proof.Output) || !IsCanonicalElement(proof.Proof))
        {
            return false;
        }

        var x = HashToGroup(proof.Seed);
        var ell = DeriveChallengePrime(proof.DelaySquarings, x, proof.Output);
        var r = BigInteger.ModPow(2, proof.DelaySquarings, ell);
        var lhs = _domain.PowProduct(proof.Proof, ell, x, r);
        return Canonical(lhs) == proof.Output;
    }

    /// <summary>Whether v is a canonical representative of (ℤ/Nℤ)^×/{±1} as used in proofs: 1 ≤ v ≤ (N − 1)/2.</summary>
    public bool IsCanonicalElement(BigInteger value) => value.Sign > 0 && value <= _half;

    /// <summary>The representative min(v, N − v) of the class {v, −v}, for 0 ≤ v &lt; N.</summary>
    internal BigInteger Canonical(BigInteger value) => value > _half ? Modulus - value : value;

    private static void ThrowDelayOutOfRange(long delaySquarings)
        => throw new ArgumentOutOfRangeException(nameof(delaySquarings), delaySquarings, $"The delay must be in [{MinDelaySquarings}, {MaxDelaySquarings}] squarings.");

    private static void WriteElement(BigInteger value, Span<byte> destination)
    {
        destination.Clear();
        value.TryWriteBytes(destination, out _, isUnsigned: true, isBigEndian: false);
    }
}
