using System.CommandLine;
using Assay.Cli.Tasks;
using Assay.Proofs.Signatures;

namespace Assay.Cli.Commands;

/// <summary><c>assay keys</c>: create a node's signing key.</summary>
public static class KeysCommand
{
    /// <summary>Exit code of a successful run.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code of a usage or file error.</summary>
    public const int ExitError = 1;

    /// <summary>Builds the <c>keys</c> command with its <c>new</c> subcommand.</summary>
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var output = new Option<string>("--out") { Description = "Key file to create (PKCS#8 PEM; never overwritten).", Required = true };
        var passwordEnv = new Option<string?>("--password-env") { Description = "Encrypt the key with the password held in this environment variable (PBKDF2-HMAC-SHA-256, AES-256-CBC)." };
        var create = new Command(
            "new",
            """
            Create a P-256 signing key for a compute node and print its address.

            The key is drawn from the operating system's random source and written owner-readable only; an existing
            file is never overwritten. Example: assay keys new --out node.pem --password-env ASSAY_KEY_PASSWORD
            """)
        {
            output, passwordEnv,
        };
        create.SetAction(parse =>
        {
            var path = parse.GetValue(output)!;
            try
            {
                var password = NodeKeyFile.PasswordFrom(parse.GetValue(passwordEnv));
                using var key = SigningKeyFactory.Generate();
                NodeKeyFile.Create(path, key, password);
                stdout.WriteLine($"address: {key.Address}");
                stdout.WriteLine($"public_key: {key.PublicKey}");
                stdout.WriteLine($"key file: {path}{(password is null ? " (unencrypted)" : " (encrypted)")}");
                return ExitOk;
            }
            catch (TaskFileException e)
            {
                stderr.WriteLine($"error: {e.Message}");
                return ExitError;
            }
        });
        return new Command("keys", "Node signing keys.") { create };
    }
}
