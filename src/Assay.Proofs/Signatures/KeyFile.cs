using System.Formats.Asn1;
using System.Security.Cryptography;

namespace Assay.Proofs.Signatures;

/// <summary>Reading PKCS#8 key files with typed errors: PEM framing, the PrivateKeyInfo header and PBES2 decryption.</summary>
/// <remarks>
/// Structures: PrivateKeyInfo and EncryptedPrivateKeyInfo (RFC 5208 §5–6, RFC 5958), PBES2 and PBKDF2 (RFC 8018
/// §6.2, §5.2, A.2–A.4), AES-CBC OIDs (RFC 3565). Only the header is parsed here to name the failure; the key
/// itself is imported by the BCL.
/// </remarks>
internal static class KeyFile
{
    /// <summary>PEM label of an unencrypted PKCS#8 key.</summary>
    public const string PlainLabel = "PRIVATE KEY";

    /// <summary>PEM label of an encrypted PKCS#8 key.</summary>
    public const string EncryptedLabel = "ENCRYPTED PRIVATE KEY";

    private const string Pbes2Oid = "1.2.840.113549.1.5.13";
    private const string Pbkdf2Oid = "1.2.840.113549.1.5.12";
    private const int MaxSaltLength = 1024;

    /// <summary>Finds the single PEM block and decodes its Base64 body.</summary>
    public static (string Label, byte[] Der) ReadPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        if (pem.Length > SigningKey.MaxPemLength)
        {
            throw new KeyFileException(KeyFileError.Malformed, $"A key file is at most {SigningKey.MaxPemLength} characters; got {pem.Length}.");
        }

        if (!PemEncoding.TryFind(pem, out var fields))
        {
            throw new KeyFileException(KeyFileError.Malformed, "No PEM block ('-----BEGIN …-----' … '-----END …-----') found.");
        }

        if (!pem.AsSpan(0, fields.Location.Start.Value).IsWhiteSpace() || !pem.AsSpan(fields.Location.End.Value).IsWhiteSpace())
        {
            throw new KeyFileException(KeyFileError.Malformed, "A key file holds exactly one PEM block and nothing else.");
        }

        var label = pem[fields.Label];
        switch (label)
        {
            case PlainLabel or EncryptedLabel:
                break;
            case "EC PRIVATE KEY":
                throw new KeyFileException(KeyFileError.Malformed, "SEC1 'EC PRIVATE KEY' files are not read; convert to PKCS#8 with 'openssl pkcs8 -topk8'.");
            case "RSA PRIVATE KEY" or "DSA PRIVATE KEY" or "OPENSSH PRIVATE KEY":
                throw new KeyFileException(KeyFileError.WrongAlgorithm, $"'{label}' is not a P-256 PKCS#8 key.");
            default:
                throw new KeyFileException(KeyFileError.NotAPrivateKey, $"The PEM block is a '{label}', not a private key.");
        }

        var der = new byte[fields.DecodedDataLength];
        if (!Convert.TryFromBase64Chars(pem.AsSpan(fields.Base64Data), der, out var written) || written != der.Length)
        {
            throw new KeyFileException(KeyFileError.Malformed, "The PEM body is not valid Base64.");
        }

        return (label, der);
    }

    /// <summary>Checks a PrivateKeyInfo names id-ecPublicKey on P-256, imports it and checks the public key matches the scalar.</summary>
    /// <param name="der">The DER bytes.</param>
    /// <param name="afterDecryption">Whether the bytes came out of decryption, in which case unparsable bytes mean a wrong password.</param>
    public static ECDsa ImportPrivateKeyInfo(ReadOnlySpan<byte> der, bool afterDecryption = false)
    {
        try
        {
            var outer = new AsnReader(der.ToArray(), AsnEncodingRules.DER);
            var info = outer.ReadSequence();
            outer.ThrowIfNotEmpty();
            if (!info.TryReadInt32(out var version) || version is not (0 or 1))
            {
                throw new KeyFileException(KeyFileError.Malformed, "PrivateKeyInfo version must be 0 or 1.");
            }

            var algorithm = info.ReadSequence();
            var algorithmOid = algorithm.ReadObjectIdentifier();
            if (algorithmOid != P256Curve.EcPublicKeyOid)
            {
                throw new KeyFileException(KeyFileError.WrongAlgorithm, $"The key's algorithm is {NameOf(algorithmOid)}, not an elliptic-curve key (P-256).");
            }

            if (!algorithm.HasData || algorithm.PeekTag() != Asn1Tag.ObjectIdentifier)
            {
                throw new KeyFileException(KeyFileError.WrongCurve, "The key does not name its curve (explicit or absent curve parameters are not accepted).");
            }

            var curveOid = algorithm.ReadObjectIdentifier();
            if (curveOid != P256Curve.CurveOid)
            {
                throw new KeyFileException(KeyFileError.WrongCurve, $"The key is on {NameOf(curveOid)}, not P-256.");
            }
        }
        catch (AsnContentException e)
        {
            throw afterDecryption
                ? new KeyFileException(KeyFileError.WrongPassword, "Decryption gave no valid key: the password is wrong or the file is damaged.", e)
                : new KeyFileException(KeyFileError.Malformed, "The key is not valid DER PKCS#8.", e);
        }

        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportPkcs8PrivateKey(der, out var read);
            if (read != der.Length)
            {
                throw new KeyFileException(KeyFileError.Malformed, "Trailing bytes after the PKCS#8 structure.");
            }

            CheckPublicKeyMatchesScalar(ecdsa);
            return ecdsa;
        }
        catch (CryptographicException e)
        {
            ecdsa.Dispose();
            throw new KeyFileException(KeyFileError.InvalidKey, "The P-256 key is invalid.", e);
        }
        catch
        {
            ecdsa.Dispose();
            throw;
        }
    }

    /// <summary>Decrypts an EncryptedPrivateKeyInfo protected with PBES2 (PBKDF2 + AES-CBC) and returns the PrivateKeyInfo bytes.</summary>
    public static byte[] DecryptPbes2(byte[] der, ReadOnlySpan<char> password)
    {
        byte[] salt;
        int iterations;
        HashAlgorithmName prf;
        int keyLength;
        byte[] iv;
        byte[] ciphertext;
        try
        {
            var outer = new AsnReader(der, AsnEncodingRules.DER);
            var info = outer.ReadSequence();
            outer.ThrowIfNotEmpty();
            var algorithm = info.ReadSequence();
            var schemeOid = algorithm.ReadObjectIdentifier();
            if (schemeOid != Pbes2Oid)
            {
                throw new KeyFileException(KeyFileError.UnsupportedEncryption, $"Key file encryption {schemeOid} is not PBES2.");
            }

            var pbes2 = algorithm.ReadSequence();
            algorithm.ThrowIfNotEmpty();
            var kdf = pbes2.ReadSequence();
            if (kdf.ReadObjectIdentifier() != Pbkdf2Oid)
            {
                throw new KeyFileException(KeyFileError.UnsupportedEncryption, "The PBES2 key derivation is not PBKDF2.");
            }

            var kdfParameters = kdf.ReadSequence();
            kdf.ThrowIfNotEmpty();
            salt = kdfParameters.ReadOctetString();
            if (salt.Length > MaxSaltLength)
            {
                throw new KeyFileException(KeyFileError.UnsupportedEncryption, $"PBKDF2 salt longer than {MaxSaltLength} bytes.");
            }

            if (!kdfParameters.TryReadInt32(out iterations) || iterations < 1 || iterations > SigningKey.MaxPbkdf2Iterations)
            {
                throw new KeyFileException(KeyFileError.UnsupportedEncryption, $"PBKDF2 iteration count must be in [1, {SigningKey.MaxPbkdf2Iterations}].");
            }

            var declaredKeyLength = -1;
            if (kdfParameters.HasData && kdfParameters.PeekTag() == Asn1Tag.Integer && !kdfParameters.TryReadInt32(out declaredKeyLength))
            {
                throw new KeyFileException(KeyFileError.UnsupportedEncryption, "PBKDF2 key length out of range.");
            }

            prf = HashAlgorithmName.SHA1;
            if (kdfParameters.HasData)
            {
                var prfAlgorithm = kdfParameters.ReadSequence();
                prf = prfAlgorithm.ReadObjectIdentifier() switch
                {
                    "1.2.840.113549.2.7" => HashAlgorithmName.SHA1,
                    "1.2.840.113549.2.9" => HashAlgorithmName.SHA256,
                    "1.2.840.113549.2.10" => HashAlgorithmName.SHA384,
                    "1.2.840.113549.2.11" => HashAlgorithmName.SHA512,
                    var other => throw new KeyFileException(KeyFileError.UnsupportedEncryption, $"PBKDF2 PRF {other} is not HMAC-SHA-1/256/384/512."),
                };
            }

            kdfParameters.ThrowIfNotEmpty();
            var encryption = pbes2.ReadSequence();
            pbes2.ThrowIfNotEmpty();
            keyLength = encryption.ReadObjectIdentifier() switch
            {
                "2.16.840.1.101.3.4.1.2" => 16,
                "2.16.840.1.101.3.4.1.22" => 24,
                "2.16.840.1.101.3.4.1.42" => 32,
                var other => throw new KeyFileException(KeyFileError.UnsupportedEncryption, $"Encryption scheme {other} is not AES-CBC."),
            };
            if (declaredKeyLength != -1 && declaredKeyLength != keyLength)
            {
                throw new KeyFileException(KeyFileError.UnsupportedEncryption, "PBKDF2 key length does not match the cipher.");
            }

            iv = encryption.ReadOctetString();
            encryption.ThrowIfNotEmpty();
            ciphertext = info.ReadOctetString();
            info.ThrowIfNotEmpty();
        }
        catch (AsnContentException e)
        {
            throw new KeyFileException(KeyFileError.Malformed, "The encrypted key is not valid DER EncryptedPrivateKeyInfo.", e);
        }

        if (iv.Length != 16 || ciphertext.Length == 0 || ciphertext.Length % 16 != 0)
        {
            throw new KeyFileException(KeyFileError.Malformed, "AES-CBC needs a 16-byte IV and a ciphertext of whole 16-byte blocks.");
        }

        var key = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, prf, keyLength);
        try
        {
            using var aes = Aes.Create();
            aes.Key = key;
            return aes.DecryptCbc(ciphertext, iv, PaddingMode.PKCS7);
        }
        catch (CryptographicException e)
        {
            throw new KeyFileException(KeyFileError.WrongPassword, "Decryption failed: the password is wrong or the file is damaged.", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static void CheckPublicKeyMatchesScalar(ECDsa imported)
    {
        var parameters = imported.ExportParameters(includePrivateParameters: true);
        try
        {
            if (parameters.D is not { Length: P256Curve.ScalarLength } d)
            {
                throw new KeyFileException(KeyFileError.InvalidKey, "The private scalar is not 32 bytes.");
            }

            var scalar = P256Curve.ReadScalar(d);
            if (scalar.IsZero || scalar >= P256Curve.N)
            {
                throw new KeyFileException(KeyFileError.InvalidKey, "The private scalar is not in [1, n).");
            }

            using var derived = ECDsa.Create(new ECParameters { Curve = P256Curve.Curve, D = d });
            var q = derived.ExportParameters(includePrivateParameters: false).Q;
            if (!q.X.AsSpan().SequenceEqual(parameters.Q.X) || !q.Y.AsSpan().SequenceEqual(parameters.Q.Y))
            {
                throw new KeyFileException(KeyFileError.InvalidKey, "The public key in the file does not belong to its private scalar.");
            }
        }
        finally
        {
            if (parameters.D is not null)
            {
                CryptographicOperations.ZeroMemory(parameters.D);
            }
        }
    }

    private static string NameOf(string oid) => oid switch
    {
        "1.2.840.113549.1.1.1" => "RSA (1.2.840.113549.1.1.1)",
        "1.3.101.112" => "Ed25519 (1.3.101.112)",
        "1.3.101.113" => "Ed448 (1.3.101.113)",
        "1.2.840.10040.4.1" => "DSA (1.2.840.10040.4.1)",
        "1.3.132.0.10" => "secp256k1 (1.3.132.0.10)",
        "1.3.132.0.34" => "P-384 (1.3.132.0.34)",
        "1.3.132.0.35" => "P-521 (1.3.132.0.35)",
        _ => oid,
    };
}
