namespace Assay.Proofs.Signatures;

/// <summary>Why a key file could not be read.</summary>
public enum KeyFileError
{
    /// <summary>Not a single PEM block, bad Base64, bad DER, or longer than the limit.</summary>
    Malformed,

    /// <summary>A PEM block that holds no private key (a public key, a certificate, …).</summary>
    NotAPrivateKey,

    /// <summary>A private key of another algorithm (RSA, Ed25519, …).</summary>
    WrongAlgorithm,

    /// <summary>An elliptic-curve private key on a curve other than P-256.</summary>
    WrongCurve,

    /// <summary>The file is encrypted and was read without a password.</summary>
    PasswordRequired,

    /// <summary>The file is not encrypted and was read as an encrypted one.</summary>
    NotEncrypted,

    /// <summary>Decryption failed: the password is wrong (or the ciphertext is damaged).</summary>
    WrongPassword,

    /// <summary>Encryption other than PBES2 (PBKDF2-HMAC-SHA-1/256/384/512, AES-CBC), or an iteration count past the limit.</summary>
    UnsupportedEncryption,

    /// <summary>The key is P-256 but invalid (scalar out of range, public key not matching).</summary>
    InvalidKey,
}
