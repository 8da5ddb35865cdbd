using System.Security.Cryptography;
using Assay.Proofs.Signatures;

namespace Assay.Cli.Tasks;

/// <summary>A node's signing key on disk: PKCS#8 PEM, optionally password-encrypted, created owner-only and never overwritten.</summary>
public static class NodeKeyFile
{
    /// <summary>Writes <paramref name="key"/> to a new file at <paramref name="path"/> (mode 0600 on Unix), encrypted when <paramref name="password"/> is given.</summary>
    /// <exception cref="TaskFileException">The file exists or cannot be created.</exception>
    public static void Create(string path, SigningKey key, string? password)
    {
        ArgumentNullException.ThrowIfNull(key);
        var pem = password is null ? key.ExportPkcs8Pem() : key.ExportEncryptedPkcs8Pem(password);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, new System.Text.UTF8Encoding(false), options);
            writer.Write(pem);
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new TaskFileException($"{path}: already exists; refusing to overwrite a key file.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TaskFileException($"{path}: cannot create the key file: {e.Message}");
        }
    }

    /// <summary>Reads the key at <paramref name="path"/>; an encrypted key takes its password from the environment variable <paramref name="passwordVariable"/>.</summary>
    /// <exception cref="TaskFileException">The file is missing, malformed, encrypted without a password, or the password is wrong.</exception>
    public static SigningKey Read(string path, string? passwordVariable)
    {
        string pem;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > SigningKey.MaxPemLength)
            {
                throw new TaskFileException($"{path}: larger than {SigningKey.MaxPemLength} bytes; not a key file.");
            }

            pem = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TaskFileException($"{path}: cannot read the key file: {e.Message}");
        }

        try
        {
            if (!pem.Contains("ENCRYPTED PRIVATE KEY", StringComparison.Ordinal))
            {
                return SigningKey.FromPem(pem);
            }

            if (passwordVariable is null)
            {
                throw new TaskFileException($"{path}: the key is encrypted; give --password-env VAR with the password in $VAR.");
            }

            var password = Environment.GetEnvironmentVariable(passwordVariable);
            if (string.IsNullOrEmpty(password))
            {
                throw new TaskFileException($"{path}: the environment variable {passwordVariable} is not set or empty.");
            }

            return SigningKey.FromEncryptedPem(pem, password);
        }
        catch (Exception e) when (e is KeyFileException or CryptographicException or ArgumentException)
        {
            throw new TaskFileException($"{path}: not a usable P-256 key: {e.Message}");
        }
    }

    /// <summary>The password in environment variable <paramref name="variable"/>, or null when no variable was named.</summary>
    /// <exception cref="TaskFileException">The variable is named but unset or empty.</exception>
    public static string? PasswordFrom(string? variable)
    {
        if (variable is null)
        {
            return null;
        }

        var password = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrEmpty(password)
            ? throw new TaskFileException($"--password-env: the environment variable {variable} is not set or empty.")
            : password;
    }
}
