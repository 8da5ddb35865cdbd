using System.CommandLine;
using Assay.Client;
using Assay.Proofs.Signatures;

namespace Assay.Cli.Commands;

/// <summary><c>assay account show</c>: an account's nonce and balances (and its node record, if any) from a running sequencer.</summary>
public static class AccountCommand
{
    /// <summary>Exit code of a successful run.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code of a usage or network error.</summary>
    public const int ExitError = 1;

    /// <summary>Builds the <c>account</c> command with its <c>show</c> subcommand.</summary>
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var address = new Argument<string>("ADDRESS") { Description = "Account address (asy…)." };
        var sequencer = NodeCommand.SequencerOption();
        var show = new Command("show", "Show an account's nonce and balances, and its stake and status when it is a node.") { address, sequencer };
        show.SetAction(async (parse, ct) =>
        {
            try
            {
                if (!Address.TryParse(parse.GetValue(address), out var parsed))
                {
                    stderr.WriteLine($"error: ADDRESS: not an address (asy followed by 40 hex digits): '{parse.GetValue(address)}'.");
                    return ExitError;
                }

                using var client = new AssayClient(NodeCommand.ParseUrl(parse.GetValue(sequencer)!));
                var account = await client.GetAccountAsync(parsed, ct).ConfigureAwait(false);
                stdout.WriteLine($"address: {account.Address}");
                stdout.WriteLine($"nonce: {account.Nonce}");
                stdout.WriteLine($"public_key: {account.PublicKey ?? "(none yet)"}");
                if (account.Balances.Count == 0)
                {
                    stdout.WriteLine("balances: (none)");
                }

                foreach (var (asset, amount) in account.Balances.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    stdout.WriteLine($"balance {asset}: {amount}");
                }

                if (await client.GetNodeAsync(parsed, ct).ConfigureAwait(false) is { } node)
                {
                    stdout.WriteLine($"node: stake {node.Stake}, status {node.Status}, reputation {node.Reputation}, faults {node.TotalFaults} (consecutive {node.ConsecutiveFaults})");
                    stdout.WriteLine($"node capabilities: {string.Join(',', node.Capabilities.Kinds)}, cores {node.Capabilities.Cores}, memory {node.Capabilities.MemoryMib} MiB");
                }

                return ExitOk;
            }
            catch (Exception e) when (e is HttpRequestException or AssayApiException or ArgumentException)
            {
                stderr.WriteLine($"error: {e.Message}");
                return ExitError;
            }
        });
        return new Command("account", "Accounts on a running sequencer.") { show };
    }
}
