using System.Security.Cryptography;
using Assay.Proofs.Signatures;

namespace Assay.Proofs.Tests.Signatures;

/// <summary>PKCS#8 PEM key files, plain and encrypted, with a typed reason for every refusal.</summary>
public class KeyFileTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public void Plain_pem_round_trips()
    {
        using var key = SignatureTests.KeyFromSeed(21);
        var pem = key.ExportPkcs8Pem();
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", pem, StringComparison.Ordinal);
        using var back = SigningKey.FromPem(pem);
        Assert.Equal(key.PublicKey, back.PublicKey);
        Assert.True(key.PublicKey.Verify("assay/t/v1", "m"u8, back.Sign("assay/t/v1", "m"u8)));
        using var padded = SigningKey.FromPem("\n  " + pem + "\n\n");
        Assert.Equal(key.PublicKey, padded.PublicKey);
    }

    [Fact]
    public void Encrypted_pem_round_trips_with_the_default_parameters_and_refuses_a_wrong_password()
    {
        using var key = SignatureTests.KeyFromSeed(22);
        var pem = key.ExportEncryptedPkcs8Pem(Password);
        Assert.StartsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----", pem, StringComparison.Ordinal);
        using var back = SigningKey.FromEncryptedPem(pem, Password);
        Assert.Equal(key.PublicKey, back.PublicKey);
        AssertError(KeyFileError.PasswordRequired, () => SigningKey.FromPem(pem));
        AssertError(KeyFileError.NotEncrypted, () => SigningKey.FromEncryptedPem(key.ExportPkcs8Pem(), Password));

        // The rest at the smallest iteration count, to keep the test fast; the code path is the same.
        var fast = key.ExportEncryptedPkcs8Pem(Password, SigningKey.MinPbkdf2Iterations);
        AssertError(KeyFileError.WrongPassword, () => SigningKey.FromEncryptedPem(fast, "Correct horse battery staple"));
        AssertError(KeyFileError.WrongPassword, () => SigningKey.FromEncryptedPem(fast, string.Empty));

        // The BCL reads our file too (PBES2 with PBKDF2-HMAC-SHA-256 and AES-256-CBC).
        using var bcl = ECDsa.Create();
        bcl.ImportFromEncryptedPem(fast, Password);
        Assert.Equal(key.PublicKey.Encode()[1..], bcl.ExportParameters(false).Q.X);
    }

    [Fact]
    public void Export_refuses_empty_passwords_and_weak_or_excessive_iteration_counts()
    {
        using var key = SignatureTests.KeyFromSeed(23);
        Assert.Throws<ArgumentException>(() => key.ExportEncryptedPkcs8Pem(string.Empty));
        Assert.Throws<ArgumentOutOfRangeException>(() => key.ExportEncryptedPkcs8Pem(Password, SigningKey.MinPbkdf2Iterations - 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => key.ExportEncryptedPkcs8Pem(Password, SigningKey.MaxPbkdf2Iterations + 1));
        using var back = SigningKey.FromEncryptedPem(key.ExportEncryptedPkcs8Pem(Password, SigningKey.MinPbkdf2Iterations), Password);
        Assert.Equal(key.PublicKey, back.PublicKey);
    }

    [Fact]
    public void Files_written_by_openssl_through_python_are_read_with_the_right_key_or_the_right_error()
    {
        // tests/data/proofs/signatures/generate_signature_vectors.py (cryptography 38.0.4 over OpenSSL 3.0).
        var v = SignatureVectors.Read("signature_vectors.csv");
        using (var plain = SigningKey.FromPem(SignatureVectors.Pem("key1_plain.pem")))
        {
            Assert.Equal(v["key1_public"], plain.PublicKey.Encode());
        }

        using (var encrypted = SigningKey.FromEncryptedPem(SignatureVectors.Pem("key1_encrypted.pem"), Password))
        {
            Assert.Equal(v["key1_public"], encrypted.PublicKey.Encode());
        }

        AssertError(KeyFileError.WrongPassword, () => SigningKey.FromEncryptedPem(SignatureVectors.Pem("key1_encrypted.pem"), "hunter2"));
        AssertError(KeyFileError.WrongCurve, () => SigningKey.FromPem(SignatureVectors.Pem("secp256k1_plain.pem")));
        AssertError(KeyFileError.WrongCurve, () => SigningKey.FromEncryptedPem(SignatureVectors.Pem("secp256k1_encrypted.pem"), Password));
        AssertError(KeyFileError.WrongCurve, () => SigningKey.FromPem(SignatureVectors.Pem("p384_plain.pem")));
        AssertError(KeyFileError.WrongAlgorithm, () => SigningKey.FromPem(SignatureVectors.Pem("rsa_plain.pem")));
        AssertError(KeyFileError.WrongAlgorithm, () => SigningKey.FromEncryptedPem(SignatureVectors.Pem("rsa_encrypted.pem"), Password));
        AssertError(KeyFileError.WrongAlgorithm, () => SigningKey.FromPem(SignatureVectors.Pem("ed25519_plain.pem")));
        AssertError(KeyFileError.NotAPrivateKey, () => SigningKey.FromPem(SignatureVectors.Pem("key1_public.pem")));
        AssertError(KeyFileError.Malformed, () => SigningKey.FromPem(SignatureVectors.Pem("key1_sec1.pem")));
    }

    [Fact]
    public void Malformed_files_are_refused_with_a_typed_error()
    {
        using var key = SignatureTests.KeyFromSeed(24);
        var pem = key.ExportPkcs8Pem();
        AssertError(KeyFileError.Malformed, () => SigningKey.FromPem(string.Empty));
        AssertError(KeyFileError.Malformed, () => SigningKey.FromPem("not a key"));
        AssertError(KeyFileError.Malformed, () => SigningKey.FromPem(pem + pem));
        AssertError(KeyFileError.Malformed, () => SigningKey.FromPem("comment\n" + pem));
        AssertError(KeyFileError.Malformed, () => SigningKey.FromPem(pem + new string(' ', SigningKey.MaxPemLength)));
        AssertError(KeyFileError.NotAPrivateKey, () => SigningKey.FromPem(pem.Replace("PRIVATE KEY", "CERTIFICATE", StringComparison.Ordinal)));

        // A truncated DER body inside a well-formed PEM frame.
        var body = Convert.FromBase64String(string.Concat(pem.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal))));
        var truncated = PemEncoding.WriteString("PRIVATE KEY", body.AsSpan(0, body.Length - 5));
        AssertError(KeyFileError.Malformed, () => SigningKey.FromPem(truncated));
    }

    [Fact]
    public void Fuzzed_key_files_throw_only_key_file_exceptions()
    {
        const int Seed = 20260502;
        var random = new Random(Seed);
        using var key = SignatureTests.KeyFromSeed(25);
        var plainDer = Der(key.ExportPkcs8Pem());
        var encryptedDer = Der(key.ExportEncryptedPkcs8Pem(Password, SigningKey.MinPbkdf2Iterations));
        var outcomes = new Dictionary<KeyFileError, int>();
        for (var i = 0; i < 300; i++)
        {
            var encrypted = (i & 1) == 1;
            var bytes = Mutate(encrypted ? encryptedDer : plainDer, random);
            var pem = PemEncoding.WriteString(encrypted ? "ENCRYPTED PRIVATE KEY" : "PRIVATE KEY", bytes);
            try
            {
                using var read = encrypted ? SigningKey.FromEncryptedPem(pem, Password) : SigningKey.FromPem(pem);
            }
            catch (KeyFileException e)
            {
                outcomes[e.Error] = outcomes.GetValueOrDefault(e.Error) + 1;
            }
            catch (Exception e)
            {
                Assert.Fail($"seed {Seed}, case {i}: {e.GetType().Name}: {e.Message} for {Convert.ToHexString(bytes)}");
            }
        }

        Assert.True(outcomes.Values.Sum() > 100, $"seed {Seed}: most mutations must be refused; outcomes {string.Join(", ", outcomes)}");
    }

    internal static byte[] Mutate(byte[] valid, Random random)
    {
        var bytes = (byte[])valid.Clone();
        switch (random.Next(4))
        {
            case 0:
                var flips = 1 + random.Next(3);
                for (var k = 0; k < flips; k++)
                {
                    var bit = random.Next(8 * bytes.Length);
                    bytes[bit / 8] ^= (byte)(1 << (bit % 8));
                }

                return bytes;
            case 1:
                return bytes[..random.Next(bytes.Length)];
            case 2:
                var at = random.Next(bytes.Length + 1);
                return [.. bytes[..at], (byte)random.Next(256), .. bytes[at..]];
            default:
                var junk = new byte[random.Next(1, 2 * bytes.Length)];
                random.NextBytes(junk);
                return junk;
        }
    }

    private static byte[] Der(string pem) => Convert.FromBase64String(string.Concat(pem.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal))));

    private static void AssertError(KeyFileError expected, Func<SigningKey> read)
    {
        var e = Assert.Throws<KeyFileException>(() => read().Dispose());
        Assert.True(expected == e.Error, $"expected {expected}, got {e.Error}: {e.Message}");
    }
}
