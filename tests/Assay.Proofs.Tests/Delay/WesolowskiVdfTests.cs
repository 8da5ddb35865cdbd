using System.Globalization;
using System.Numerics;
using Assay.Proofs.Delay;
using Assay.Proofs.Hashing;

namespace Assay.Proofs.Tests.Delay;

/// <summary>Wesolowski VDF: golden vectors from Python, brute force on a modulus of known order, tampering, limits.</summary>
public class WesolowskiVdfTests
{
    // The 64-bit semiprime of the golden file: 4294967311 · 4296015901 (primes checked by the generator with mpmath and OpenSSL).
    private static readonly BigInteger SmallP = 4294967311;
    private static readonly BigInteger SmallQ = 4296015901;
    private static readonly WesolowskiVdf Small = new(SmallP * SmallQ);

    // Carmichael function λ(N) = lcm(p − 1, q − 1): the order of every unit divides it, so x^(2^T) = x^(2^T mod λ).
    private static readonly BigInteger SmallLambda = (SmallP - 1) * (SmallQ - 1) / BigInteger.GreatestCommonDivisor(SmallP - 1, SmallQ - 1);

    [Fact]
    public void Golden_vectors_from_python_are_reproduced_and_verify()
    {
        // tests/data/proofs/vdf/generate_vdf_vectors.py: Python integers pow(x, 2**T, N), hashlib, mpmath + openssl primality.
        var path = Path.Combine(AppContext.BaseDirectory, "data", "proofs", "vdf", "vdf_vectors.csv");
        var rows = 0;
        foreach (var line in File.ReadLines(path).Where(l => !l.StartsWith('#')).Skip(1))
        {
            var f = line.Split(',');
            var vdf = f[0] == "rsa2048" ? WesolowskiVdf.Rsa2048 : Small;
            var seed = Hash256.Parse(f[1]);
            var delay = long.Parse(f[2], CultureInfo.InvariantCulture);
            var (x, ell, y, pi) = (Big(f[3]), Big(f[4]), Big(f[5]), Big(f[6]));
            var where = $"{f[0]} seed {f[1]} T {delay}";
            Assert.True(x == vdf.HashToGroup(seed), where);
            Assert.True(ell == vdf.DeriveChallengePrime(delay, x, y), where);
            var proof = vdf.Evaluate(seed, delay);
            Assert.True(y == proof.Output, where);
            Assert.True(pi == proof.Proof, where);
            Assert.Equal(f[7], Convert.ToHexStringLower(vdf.Encode(proof)));
            var decoded = vdf.Decode(Convert.FromHexString(f[7]));
            Assert.Equal(proof, decoded);
            Assert.True(vdf.Verify(decoded), where);
            rows++;
        }

        Assert.Equal(13, rows);
    }

    [Fact]
    public void Small_modulus_results_equal_brute_force_through_the_known_group_order()
    {
        const int Seed = 4242;
        var random = new Random(Seed);
        foreach (var delay in new long[] { 1, 2, 3, 8, 63, 64, 65, 255, 256, 1000, 4097, 33_333 })
        {
            var seedBytes = new byte[32];
            random.NextBytes(seedBytes);
            var seed = new Hash256(seedBytes);
            var x = Small.HashToGroup(seed);
            var proof = Small.Evaluate(seed, delay);
            var where = $"seed {Seed}, T {delay}, x {x}";
            var y = Canonical(BigInteger.ModPow(x, BigInteger.ModPow(2, delay, SmallLambda), Small.Modulus));
            Assert.True(y == proof.Output, where);

            var ell = Small.DeriveChallengePrime(delay, x, y);
            var quotientModLambda = delay < 4096
                ? (BigInteger.Pow(2, (int)delay) / ell) % SmallLambda
                : QuotientModulo(delay, ell, SmallLambda);
            Assert.True(Canonical(BigInteger.ModPow(x, quotientModLambda, Small.Modulus)) == proof.Proof, where);
            Assert.True(Small.Verify(proof), where);

            // The proof does not depend on how much memory the prover was given.
            foreach (var checkpoints in delay <= 5000 ? new[] { 1, 2, 3, 7, 100 } : [])
            {
                Assert.True(proof == Small.Evaluate(seed, delay, maxCheckpoints: checkpoints), $"{where}, maxCheckpoints {checkpoints}");
            }
        }
    }

    [Fact]
    public void Rsa2048_proof_equals_the_direct_exponentiation_for_any_memory_bound()
    {
        var seed = DomainHash.Compute("assay/test/v1", "direct"u8);
        const long Delay = 2000;
        var vdf = WesolowskiVdf.Rsa2048;
        var x = vdf.HashToGroup(seed);
        var reference = vdf.Evaluate(seed, Delay, maxCheckpoints: 1);
        var ell = vdf.DeriveChallengePrime(Delay, x, reference.Output);
        Assert.Equal(Canonical(BigInteger.ModPow(x, BigInteger.Pow(2, (int)Delay) / ell, vdf.Modulus), vdf.Modulus), reference.Proof);
        Assert.Equal(reference, vdf.Evaluate(seed, Delay));
        Assert.Equal(reference, vdf.Evaluate(seed, Delay, maxCheckpoints: 5));
    }

    [Fact]
    public void Tampered_outputs_proofs_delays_and_seeds_are_rejected()
    {
        var vdf = WesolowskiVdf.Rsa2048;
        var seed = DomainHash.Compute("assay/test/v1", "tamper"u8);
        var proof = vdf.Evaluate(seed, 600);
        Assert.True(vdf.Verify(proof));
        var n = vdf.Modulus;
        var cases = new (string Name, VdfProof Proof)[]
        {
            ("y + 1", proof with { Output = proof.Output + 1 }),
            ("y - 1", proof with { Output = proof.Output - 1 }),
            ("-y", proof with { Output = n - proof.Output }),
            ("y squared", proof with { Output = Canonical(proof.Output * proof.Output % n, n) }),
            ("pi + 1", proof with { Proof = proof.Proof + 1 }),
            ("-pi", proof with { Proof = n - proof.Proof }),
            ("pi = 1", proof with { Proof = BigInteger.One }),
            ("pi = 0", proof with { Proof = BigInteger.Zero }),
            ("y = 0", proof with { Output = BigInteger.Zero }),
            ("y = N", proof with { Output = n }),
            ("T + 1", proof with { DelaySquarings = proof.DelaySquarings + 1 }),
            ("T - 1", proof with { DelaySquarings = proof.DelaySquarings - 1 }),
            ("T = 0", proof with { DelaySquarings = 0 }),
            ("T = -1", proof with { DelaySquarings = -1 }),
            ("T too large", proof with { DelaySquarings = WesolowskiVdf.MaxDelaySquarings + 1 }),
            ("other seed", proof with { Seed = DomainHash.Compute("assay/test/v1", "other"u8) }),
        };
        foreach (var (name, tampered) in cases)
        {
            Assert.False(vdf.Verify(tampered), name);
        }

        // Flipping any single bit of y or π in the encoding is refused by the decoder or by the verifier.
        var encoded = vdf.Encode(proof);
        const int Seed = 777;
        var random = new Random(Seed);
        for (var k = 0; k < 12; k++)
        {
            var bit = (8 * (1 + 32 + 8)) + random.Next(8 * 2 * vdf.ElementLength);
            var bytes = (byte[])encoded.Clone();
            bytes[bit / 8] ^= (byte)(1 << (bit % 8));
            var refused = !TryDecode(vdf, bytes, out var decoded) || !vdf.Verify(decoded!);
            Assert.True(refused, $"seed {Seed}: flipped bit {bit} accepted");
        }
    }

    [Fact]
    public void Challenge_prime_is_deterministic_256_bits_prime_and_bound_to_every_input()
    {
        var vdf = WesolowskiVdf.Rsa2048;
        var x = vdf.HashToGroup(DomainHash.Compute("assay/test/v1", "prime"u8));
        var y = vdf.HashToGroup(DomainHash.Compute("assay/test/v1", "prime-y"u8));
        var ell = vdf.DeriveChallengePrime(1000, x, y);
        Assert.Equal(ell, vdf.DeriveChallengePrime(1000, x, y));
        Assert.Equal(256, ell.GetBitLength());
        Assert.True(Primality.IsProbablePrime(ell));
        Assert.NotEqual(ell, vdf.DeriveChallengePrime(1001, x, y));
        Assert.NotEqual(ell, vdf.DeriveChallengePrime(1000, y, x));
        Assert.NotEqual(ell, vdf.DeriveChallengePrime(1000, x, y + 1));
        Assert.Equal(x, vdf.HashToGroup(DomainHash.Compute("assay/test/v1", "prime"u8)));
        Assert.True(vdf.IsCanonicalElement(x));
    }

    [Fact]
    public void Delays_out_of_range_and_bad_moduli_are_refused()
    {
        var vdf = WesolowskiVdf.Rsa2048;
        var seed = Hash256.Zero;
        Assert.Throws<ArgumentOutOfRangeException>(() => vdf.Evaluate(seed, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => vdf.Evaluate(seed, -5));
        Assert.Throws<ArgumentOutOfRangeException>(() => vdf.Evaluate(seed, WesolowskiVdf.MaxDelaySquarings + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => vdf.Evaluate(seed, 10, maxCheckpoints: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => vdf.DeriveChallengePrime(0, 2, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WesolowskiVdf(BigInteger.One << 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WesolowskiVdf(1_000_003));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WesolowskiVdf(BigInteger.MinusOne));
        Assert.True(WesolowskiVdf.IsValidDelay(WesolowskiVdf.MaxDelaySquarings));
        Assert.False(WesolowskiVdf.IsValidDelay(WesolowskiVdf.MaxDelaySquarings + 1));
    }

    [Fact]
    public void Evaluation_reports_progress_and_honours_cancellation()
    {
        var reports = new List<VdfProgress>();
        var progress = new SynchronousProgress(reports.Add);
        var proof = Small.Evaluate(Hash256.Zero, 200_000, progress);
        Assert.True(Small.Verify(proof));
        Assert.Equal(new VdfProgress(200_000, 200_000), reports[^1]);
        Assert.Equal(4, reports.Count); // 65 536, 131 072, 196 608 and the end
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.First.SquaringsDone < p.Second.SquaringsDone));

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => Small.Evaluate(Hash256.Zero, 200_000, cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Decoder_refuses_malformed_encodings_and_fuzzed_bytes_throw_only_format_exceptions()
    {
        var vdf = WesolowskiVdf.Rsa2048;
        var proof = vdf.Evaluate(DomainHash.Compute("assay/test/v1", "fuzz"u8), 300);
        var encoded = vdf.Encode(proof);
        Assert.Equal(553, encoded.Length);

        byte[] With(Action<byte[]> change)
        {
            var b = (byte[])encoded.Clone();
            change(b);
            return b;
        }

        var n = vdf.Modulus.ToByteArray(isUnsigned: true, isBigEndian: false);
        var malformed = new (string Name, byte[] Bytes)[]
        {
            ("empty", []),
            ("short", encoded[..^1]),
            ("long", [.. encoded, 0]),
            ("version 0", With(b => b[0] = 0)),
            ("version 2", With(b => b[0] = 2)),
            ("T = 0", With(b => b.AsSpan(33, 8).Clear())),
            ("T = 2^64 - 1", With(b => b.AsSpan(33, 8).Fill(0xff))),
            ("y = 0", With(b => b.AsSpan(41, 256).Clear())),
            ("y = N", With(b => n.CopyTo(b, 41))),
            ("pi = 2^2048 - 1", With(b => b.AsSpan(297, 256).Fill(0xff))),
        };
        foreach (var (name, bytes) in malformed)
        {
            Assert.Throws<FormatException>(() => vdf.Decode(bytes));
            Assert.False(TryDecode(vdf, bytes, out _), name);
        }

        Assert.Throws<ArgumentException>(() => vdf.Encode(proof with { Output = vdf.Modulus - proof.Output }));

        const int Seed = 99;
        var random = new Random(Seed);
        for (var i = 0; i < 200; i++)
        {
            var bytes = Signatures.KeyFileTests.Mutate(encoded, random);
            try
            {
                var decoded = vdf.Decode(bytes);
                Assert.Equal(bytes, vdf.Encode(decoded));
            }
            catch (FormatException)
            {
            }
            catch (Exception e)
            {
                Assert.Fail($"seed {Seed}, case {i}: {e.GetType().Name}: {e.Message}");
            }
        }
    }

    private static bool TryDecode(WesolowskiVdf vdf, byte[] bytes, out VdfProof? proof)
    {
        try
        {
            proof = vdf.Decode(bytes);
            return true;
        }
        catch (FormatException)
        {
            proof = null;
            return false;
        }
    }

    // ⌊2^T / ℓ⌋ mod m without forming 2^T: binary long division of 2^T by ℓ, accumulating the quotient bits modulo m.
    private static BigInteger QuotientModulo(long delay, BigInteger ell, BigInteger modulus)
    {
        BigInteger q = 0;
        BigInteger r = 1;
        for (long i = 0; i < delay; i++)
        {
            r <<= 1;
            var bit = r >= ell ? 1 : 0;
            if (bit == 1)
            {
                r -= ell;
            }

            q = ((2 * q) + bit) % modulus;
        }

        return q;
    }

    private static BigInteger Big(string decimalText) => BigInteger.Parse(decimalText, CultureInfo.InvariantCulture);

    private static BigInteger Canonical(BigInteger v) => Canonical(v, Small.Modulus);

    private static BigInteger Canonical(BigInteger v, BigInteger n) => v > (n - 1) / 2 ? n - v : v;

    private sealed class SynchronousProgress(Action<VdfProgress> report) : IProgress<VdfProgress>
    {
        public void Report(VdfProgress value) => report(value);
    }
}
