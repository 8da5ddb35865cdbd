using System.Security.Cryptography;

namespace Assay.Proofs.Signatures;

/// <content>Key files: PKCS#8 PEM, plain or password-encrypted with PBES2.</content>
public sealed partial class SigningKey
{
    /// <summary>PBKDF2-HMAC-SHA-256 iterations used when encrypting a key file (OWASP Password Storage Cheat Sheet, 2023).</summary>
    public const int DefaultPbkdf2Iterations = 600_000;

    /// <summary>Fewest PBKDF2 iterations accepted when encrypting a key file.</summary>
    public const int MinPbkdf2Iterations = 10_000;

    /// <summary>Most PBKDF2 iterations accepted when reading a key file (bounds the work an untrusted file can demand).</summary>
    public const int MaxPbkdf2Iterations = 10_000_000;

    /// <summary>Longest key file accepted, in characters.</summary>
    public const int MaxPemLength = 16_384;

    /// <summary>The key as an unencrypted PKCS#8 PEM block ("-----BEGIN PRIVATE KEY-----").</summary>
    public string ExportPkcs8Pem() => _ecdsa.ExportPkcs8PrivateKeyPem();

    /// <summary>The key as a password-encrypted PKCS#8 PEM block (PBES2: PBKDF2-HMAC-SHA-256 and AES-256-CBC).</summary>
    /// <exception cref="ArgumentException">The password is empty or the iteration count is outside [<see cref="MinPbkdf2Iterations"/>, <see cref="MaxPbkdf2Iterations"/>].</exception>
    public string ExportEncryptedPkcs8Pem(ReadOnlySpan<char> password, int iterations = DefaultPbkdf2Iterations)
    {
        if (password.IsEmpty)
        {
            throw new ArgumentException("A key file password must not be empty.", nameof(password));
        }

        if (iterations is < MinPbkdf2Iterations or > MaxPbkdf2Iterations)
        {
            throw new ArgumentOutOfRangeException(nameof(iterations), iterations, $"PBKDF2 iterations must be in [{MinPbkdf2Iterations}, {MaxPbkdf2Iterations}].");
        }

        var pbe = new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, iterations);
        return _ecdsa.ExportEncryptedPkcs8PrivateKeyPem(password, pbe);
    }

    /// <summary>Reads an unencrypted PKCS#8 PEM P-256 private key.</summary>
    /// <exception cref="KeyFileException">The text is not such a key; <see cref="KeyFileException.Error"/> says why.</exception>
    public static SigningKey FromPem(string pem)
    {
        var (label, der) = KeyFile.ReadPem(pem);
        try
        {
            if (label == KeyFile.EncryptedLabel)
            {
                throw new KeyFileException(KeyFileError.PasswordRequired, "The key file is encrypted; a password is required.");
            }

            return FromOwnedEcdsa(KeyFile.ImportPrivateKeyInfo(der));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(der);
        }
    }

    /// <summary>Reads a password-encrypted PKCS#8 PEM P-256 private key.</summary>
    /// <exception cref="KeyFileException">Wrong password, wrong curve or algorithm, not encrypted, malformed; <see cref="KeyFileException.Error"/> says which.</exception>
    public static SigningKey FromEncryptedPem(string pem, ReadOnlySpan<char> password)
    {
        var (label, der) = KeyFile.ReadPem(pem);
        if (label != KeyFile.EncryptedLabel)
        {
            CryptographicOperations.ZeroMemory(der);
            throw new KeyFileException(KeyFileError.NotEncrypted, $"Expected an encrypted key ('{KeyFile.EncryptedLabel}'), got '{label}'.");
        }

        var plain = KeyFile.DecryptPbes2(der, password);
        try
        {
            return FromOwnedEcdsa(KeyFile.ImportPrivateKeyInfo(plain, afterDecryption: true));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}
