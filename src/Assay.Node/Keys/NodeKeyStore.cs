using System.Security.Cryptography;
using Assay.Proofs.Signatures;

namespace Assay.Node.Keys;

/// <summary>Loads a node's signing key, or creates it when the file does not exist (PKCS#8 PEM, as <c>assay keys new</c> writes it).</summary>
public static class NodeKeyStore
{
    /// <summary>Reads the key at <paramref name="path"/>, creating a new one (mode 0600, never overwriting) when the file is missing.</summary>
    /// <param name="path">The key file.</param>
    /// <param name="passwordVariable">Environment variable with the password of an encrypted key (also used to encrypt a new key).</param>
    /// <param name="created">Whether a new key was written.</param>
    /// <exception cref="NodeKeyException">The file cannot be read or written, is not a P-256 key, or the password is missing or wrong.</exception>
    public static SigningKey LoadOrCreate(string path, string? passwordVariable, out bool created)
    {
        ArgumentNullException.ThrowIfNull(path);
        var password = passwordVariable is null ? null : Environment.GetEnvironmentVariable(passwordVariable);
        if (passwordVariable is not null && string.IsNullOrEmpty(password))
        {
            throw new NodeKeyException($"--password-env: the environment variable {passwordVariable} is not set or empty.");
        }

        if (!File.Exists(path))
        {
            var key = SigningKeyFactory.Generate();
            try
            {
                Write(path, password is null ? key.ExportPkcs8Pem() : key.ExportEncryptedPkcs8Pem(password));
            }
            catch
            {
                key.Dispose();
                throw;
            }

            created = true;
            return key;
        }

        created = false;
        return Read(path, password);
    }

    private static SigningKey Read(string path, string? password)
    {
        string pem;
        try
        {
            if (new FileInfo(path).Length > SigningKey.MaxPemLength)
            {
                throw new NodeKeyException($"{path}: larger than {SigningKey.MaxPemLength} bytes; not a key file.");
            }

            pem = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NodeKeyException($"{path}: cannot read the key file: {e.Message}");
        }

        try
        {
            if (!pem.Contains("ENCRYPTED PRIVATE KEY", StringComparison.Ordinal))
            {
                return SigningKey.FromPem(pem);
            }

            return password is null
                ? throw new NodeKeyException($"{path}: the key is encrypted; give --password-env VAR with the password in $VAR.")
                : SigningKey.FromEncryptedPem(pem, password);
        }
        catch (Exception e) when (e is KeyFileException or CryptographicException or ArgumentException)
        {
            throw new NodeKeyException($"{path}: not a usable P-256 key: {e.Message}");
        }
    }

    private static void Write(string path, string pem)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
            writer.Write(pem);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NodeKeyException($"{path}: cannot create the key file: {e.Message}");
        }
    }
}
