using System.CommandLine;
using Assay.Cli.Tasks;
using Assay.Client;
using Assay.Compute.Tasks;
using Assay.Ledger.Transactions;
using Assay.Ledger.Views;
using Assay.Node.Keys;
using Assay.Proofs.Hashing;

namespace Assay.Cli.Commands;

/// <summary><c>assay task submit|show|watch</c>: tasks on a running network, through the SDK.</summary>
public static partial class TaskCommand
{
    /// <summary>Exit code of <c>task watch</c> when the task expired instead of reaching finality.</summary>
    public const int ExitExpired = 2;

    private static readonly TimeSpan WatchPoll = TimeSpan.FromMilliseconds(200);

    private static Command SubmitCommand(TextWriter stdout, TextWriter stderr)
    {
        var specPath = new Option<string>("--spec") { Description = "Spec JSON from 'assay task new'.", Required = true };
        var keyPath = new Option<string>("--key") { Description = "Requester key file (PKCS#8 PEM); its account pays the fee.", Required = true };
        var passwordEnv = new Option<string?>("--password-env") { Description = "Environment variable holding the key file's password." };
        var inputs = new Option<string?>("--inputs") { Description = "Inputs file of a spec that holds only their hash (default: its address next to the spec)." };
        var sequencer = NodeCommand.SequencerOption();
        var fee = new Option<ulong?>("--fee") { Description = "Fee in native minor units (replaces the spec's; the task id changes)." };
        var replication = new Option<int?>("--replication") { Description = "Nodes that compute the task (replaces the spec's r; quorum becomes r/2+1 unless --quorum)." };
        var quorum = new Option<int?>("--quorum") { Description = "Agreeing reveals needed (replaces the spec's q)." };
        var deadline = new Option<long>("--deadline-seconds") { Description = "When the spec has no deadline: seconds from now.", DefaultValueFactory = _ => 600 };
        var tolerance = new Option<double?>("--tolerance-z") { Description = "Replaces the spec's tolerance z (0: bit-exact agreement, challengeable; > 0: independent seeds agreeing within z pooled standard errors)." };
        var window = new Option<ulong?>("--challenge-window") { Description = "Replaces the spec's challenge window (blocks)." };
        var command = new Command(
            "submit",
            """
            Submit a task spec to a sequencer, signed by --key, and print the task id and the receipt.

            The inputs travel inline (a spec that references an inputs file gets them attached). --fee, --replication,
            --quorum, --tolerance-z, --challenge-window and a missing deadline change the spec, hence its id. Follow it
            with 'assay task watch ID'.
            Example: assay task submit --spec spec.json --key requester.pem --sequencer http://127.0.0.1:5080 --fee 9000000 --replication 3
            """)
        {
            specPath, keyPath, passwordEnv, inputs, sequencer, fee, replication, quorum, deadline, tolerance, window,
        };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var spec = TaskSpecFile.Read(parse.GetValue(specPath)!, parse.GetValue(inputs));
                var policy = spec.Policy;
                if (parse.GetValue(replication) is { } r)
                {
                    policy = policy with { Replication = r, Quorum = parse.GetValue(quorum) ?? ((r / 2) + 1) };
                }
                else if (parse.GetValue(quorum) is { } q)
                {
                    policy = policy with { Quorum = q };
                }

                if (parse.GetValue(tolerance) is { } z)
                {
                    policy = policy with { ToleranceZ = z };
                }

                if (parse.GetValue(window) is { } blocks)
                {
                    policy = policy with { ChallengeWindowBlocks = blocks };
                }

                var deadlineMs = spec.DeadlineUnixMs > 0 ? spec.DeadlineUnixMs : DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + (parse.GetValue(deadline) * 1000);
                var submitted = new TaskSpec(spec.Kind, spec.EngineVersion, spec.Inputs, spec.ItemCount, spec.Seed, policy, parse.GetValue(fee) ?? spec.FeeMinorUnits, deadlineMs);
                using var key = NodeKeyStore.LoadOrCreate(parse.GetValue(keyPath)!, parse.GetValue(passwordEnv), out var created);
                if (created)
                {
                    stderr.WriteLine($"created key {parse.GetValue(keyPath)} ({key.Address}); fund it before submitting");
                }

                using var client = new AssayClient(NodeCommand.ParseUrl(parse.GetValue(sequencer)!));
                var receipt = await new TransactionSender(client, key).SendAsync(new SubmitTaskBody(submitted), ct).ConfigureAwait(false);
                stdout.WriteLine($"task_id: {submitted.TaskId}");
                stdout.WriteLine($"tx: {receipt.Hash}");
                stdout.WriteLine($"outcome: {receipt.Outcome} at height {receipt.Height}{(receipt.IsApplied ? string.Empty : $": {receipt.Reason} ({receipt.Field}): {receipt.Message}")}");
                return receipt.IsApplied ? ExitOk : ExitError;
            }
            catch (Exception e) when (e is TaskFileException or TaskSpecException or NodeKeyException or HttpRequestException or AssayApiException or ArgumentException)
            {
                stderr.WriteLine($"error: {e.Message}");
                return ExitError;
            }
        });
        return command;
    }

    private static Command ShowCommand(TextWriter stdout, TextWriter stderr)
    {
        var id = new Argument<string>("ID") { Description = "Task id (64 hex digits)." };
        var sequencer = NodeCommand.SequencerOption();
        var command = new Command("show", "Show a task on a sequencer: phase, escrow, agreed root and every assignment.") { id, sequencer };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                using var client = new AssayClient(NodeCommand.ParseUrl(parse.GetValue(sequencer)!));
                var taskId = ParseTaskId(parse.GetValue(id)!);
                var view = await client.GetTaskAsync(taskId, ct).ConfigureAwait(false);
                if (view is null)
                {
                    stderr.WriteLine($"error: ID: no task {taskId} on this sequencer.");
                    return ExitError;
                }

                WriteTask(stdout, view);
                return ExitOk;
            }
            catch (Exception e) when (e is HttpRequestException or AssayApiException or ArgumentException)
            {
                stderr.WriteLine($"error: {e.Message}");
                return ExitError;
            }
        });
        return command;
    }

    private static Command WatchCommand(TextWriter stdout, TextWriter stderr)
    {
        var id = new Argument<string>("ID") { Description = "Task id (64 hex digits)." };
        var sequencer = NodeCommand.SequencerOption();
        var timeout = new Option<int>("--timeout-seconds") { Description = "Give up after this many seconds (0: never).", DefaultValueFactory = _ => 0 };
        var command = new Command(
            "watch",
            "Follow a task live: print each phase and assignment change until it is final (exit 0) or expired (exit 2).")
        {
            id, sequencer, timeout,
        };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                using var client = new AssayClient(NodeCommand.ParseUrl(parse.GetValue(sequencer)!));
                var taskId = ParseTaskId(parse.GetValue(id)!);
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
                if (parse.GetValue(timeout) > 0)
                {
                    limit.CancelAfter(TimeSpan.FromSeconds(parse.GetValue(timeout)));
                }

                string? last = null;
                while (true)
                {
                    var view = await client.GetTaskAsync(taskId, limit.Token).ConfigureAwait(false);
                    var line = view is null
                        ? "not known yet"
                        : $"phase {view.Phase}; " + string.Join(", ", view.Assignments.Select(a => $"{Short(a.Node)} {a.Status}"));
                    if (line != last)
                    {
                        stdout.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
                        last = line;
                    }

                    if (view is { Phase: "final" or "expired" })
                    {
                        WriteTask(stdout, view);
                        return view.Phase == "final" ? ExitOk : ExitExpired;
                    }

                    await Task.Delay(WatchPoll, limit.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                stderr.WriteLine("error: --timeout-seconds: the task did not finish in time.");
                return ExitError;
            }
            catch (Exception e) when (e is HttpRequestException or AssayApiException or ArgumentException)
            {
                stderr.WriteLine($"error: {e.Message}");
                return ExitError;
            }
        });
        return command;
    }

    private static Hash256 ParseTaskId(string text)
    {
        try
        {
            return Hash256.Parse(text);
        }
        catch (FormatException)
        {
            throw new ArgumentException($"ID: a task id is 64 hex digits; got '{text}'.");
        }
    }

    private static string Short(string address) => address.Length > 11 ? address[..11] + "…" : address;

    private static void WriteTask(TextWriter stdout, TaskView view)
    {
        stdout.WriteLine($"task_id: {view.TaskId}");
        stdout.WriteLine($"kind: {view.Kind}, items: {view.ItemCount}, phase: {view.Phase}");
        stdout.WriteLine($"requester: {view.Requester}, fee: {view.Fee}, escrow: {view.Escrow}");
        stdout.WriteLine($"submitted at height {view.SubmittedHeight}, finality height {view.FinalityHeight}, replacements {view.Replacements}");
        stdout.WriteLine($"agreed_root: {view.AgreedRoot}");
        foreach (var a in view.Assignments)
        {
            stdout.WriteLine($"  {a.Node} {a.Status}: assigned {a.AssignedHeight}, commit by {a.CommitDeadline}, reveal by {a.RevealDeadline}, revealed root {a.RevealedRoot}");
        }
    }
}
