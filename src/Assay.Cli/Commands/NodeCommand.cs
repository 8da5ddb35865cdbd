using System.CommandLine;
using Assay.Client;
using Assay.Node;
using Assay.Node.Keys;
using Assay.Node.Persistence;

namespace Assay.Cli.Commands;

/// <summary><c>assay node run</c>: the compute node daemon.</summary>
public static class NodeCommand
{
    /// <summary>Exit code of a clean stop (Ctrl-C or SIGTERM).</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code of a usage, key, state or registration error.</summary>
    public const int ExitError = 1;

    /// <summary>The default sequencer address.</summary>
    public const string DefaultSequencer = "http://127.0.0.1:5080/";

    /// <summary>Builds the <c>node</c> command with its <c>run</c> subcommand.</summary>
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var sequencer = SequencerOption();
        var key = new Option<string>("--key") { Description = "Node key file (PKCS#8 PEM, as 'assay keys new' writes it); created when missing.", Required = true };
        var data = new Option<string?>("--data") { Description = "Data directory for node-state.json (default: <key file>.data next to the key)." };
        var stake = new Option<ulong>("--stake") { Description = "Stake bonded at registration, native minor units.", DefaultValueFactory = _ => NodeOptions.DefaultStakeMinorUnits };
        var kinds = new Option<string>("--kinds") { Description = "Capabilities offered, comma-separated: analytic (PriceBook), montecarlo.", DefaultValueFactory = _ => "analytic,montecarlo" };
        var cores = new Option<int>("--cores") { Description = "Threads per task, also declared at registration (default: all cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var memory = new Option<uint?>("--memory-mib") { Description = "Memory declared at registration, MiB (default: what the runtime may use)." };
        var watcher = new Option<bool>("--watcher") { Description = "Also recompute agreed results of other nodes and challenge wrong ones with a bond." };
        var fault = new Option<string?>("--fault")
        {
            Description = "FOR DEMONSTRATIONS AND TESTS ONLY: misbehave on purpose (wrong-result|lazy|no-reveal|slow); the node is slashed for it, and every log line says [FAULT MODE ...].",
        };
        fault.AcceptOnlyFromAmong([.. NodeFaults.Names]);
        var passwordEnv = new Option<string?>("--password-env") { Description = "Environment variable holding the key file's password (encrypted keys)." };
        var run = new Command(
            "run",
            """
            Run a compute node: load (or create) the key, register and stake when not registered, follow the sequencer's
            events, compute assigned tasks with every core, commit, and reveal with the spot-check proof when the reveal
            opens. State (last processed height, salts, committed roots) is kept in DIR/node-state.json, written
            atomically, so a restarted node resumes its pending work. Ctrl-C stops it.

            --fault is for demonstrations and tests only: a faulty node loses stake, and says so in every log line.
            Example: assay node run --sequencer http://127.0.0.1:5080 --key node.pem --data node1
            """)
        {
            sequencer, key, data, stake, kinds, cores, memory, watcher, fault, passwordEnv,
        };
        run.SetAction(async (parse, ct) =>
        {
            try
            {
                var keyPath = parse.GetValue(key)!;
                var options = new NodeOptions
                {
                    SequencerUrl = ParseUrl(parse.GetValue(sequencer)!),
                    KeyPath = keyPath,
                    DataDirectory = parse.GetValue(data) ?? keyPath + ".data",
                    StakeMinorUnits = parse.GetValue(stake),
                    Kinds = [.. parse.GetValue(kinds)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                    Cores = Math.Max(1, parse.GetValue(cores)),
                    MemoryMiB = parse.GetValue(memory) ?? NodeOptions.DefaultMemoryMiB(),
                    Watcher = parse.GetValue(watcher),
                    Fault = NodeFaults.Parse(parse.GetValue(fault)),
                    PasswordVariable = parse.GetValue(passwordEnv),
                };
                using var signingKey = NodeKeyStore.LoadOrCreate(options.KeyPath, options.PasswordVariable, out var created);
                if (created)
                {
                    stdout.WriteLine($"{NodeFaults.LogPrefix(options.Fault)}created key {options.KeyPath}: address {signingKey.Address}");
                }

                using var client = new AssayClient(options.SequencerUrl);
                var worker = new NodeWorker(options, signingKey, client, stdout);
                await worker.RunAsync(ct).ConfigureAwait(false);
                return ExitOk;
            }
            catch (OperationCanceledException)
            {
                return ExitOk;
            }
            catch (Exception e) when (e is NodeKeyException or NodeStateException or InvalidOperationException or ArgumentException or UriFormatException)
            {
                stderr.WriteLine($"error: {e.Message}");
                return ExitError;
            }
        });
        return new Command("node", "The compute node daemon.") { run };
    }

    /// <summary>The <c>--sequencer URL</c> option shared by the network commands.</summary>
    internal static Option<string> SequencerOption() => new("--sequencer")
    {
        Description = "Sequencer base URL.",
        DefaultValueFactory = _ => DefaultSequencer,
    };

    /// <summary>Parses an absolute http(s) URL, adding the trailing slash relative routes need.</summary>
    /// <exception cref="ArgumentException">Not an absolute http or https URL.</exception>
    internal static Uri ParseUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"--sequencer: an absolute http(s) URL expected; got '{text}'.");
        }

        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }
}
