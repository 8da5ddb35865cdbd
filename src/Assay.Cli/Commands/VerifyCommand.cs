using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Assay.Cli.Tasks;
using Assay.Compute;
using Assay.Compute.Tasks;
using Assay.Proofs.MerkleSum;
using Assay.Proofs.SpotCheck;

namespace Assay.Cli.Commands;

/// <summary><c>assay verify</c>: check a node's signed result and spot-check openings against a task spec.</summary>
public static class VerifyCommand
{
    /// <summary>Exit code of an accepted result.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code of a usage error or an unreadable spec file.</summary>
    public const int ExitError = 1;

    /// <summary>Exit code of a rejected result (a check failed).</summary>
    public const int ExitRejected = 2;

    /// <summary>Builds the <c>verify</c> command.</summary>
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var specPath = new Option<string>("--spec") { Description = "Spec JSON from 'assay task new'.", Required = true };
        var resultPath = new Option<string>("--result") { Description = "Result JSON from 'assay task run'.", Required = true };
        var challenge = new Option<string?>("--challenge-seed") { Description = "Hex challenge seed; default: the one recorded in the result file (stand-in only)." };
        var falsified = new Option<long>("--k") { Description = "Detection figures for k falsified leaves (default 1).", DefaultValueFactory = _ => 1 };
        var inputs = new Option<string?>("--inputs") { Description = "Inputs file of a spec that holds only their hash (default: its address next to the spec); checked against the hash first." };
        var command = new Command(
            "verify",
            """
            Verify a task result: spec id, result file, spot-check proof, task id, engine version, item count, root
            sums, aggregate, recomputed spot-check leaves against the root, then the node's address and signature.

            Prints one line per check, the verdict, detection figures and verifier time against the node's compute
            time. Exit code: 0 accepted, 2 rejected (the first failing check is named), 1 usage or spec-file error.
            """)
        {
            specPath, resultPath, challenge, falsified, inputs,
        };
        command.SetAction(parse => Run(
            parse.GetValue(specPath)!, parse.GetValue(resultPath)!, parse.GetValue(challenge), parse.GetValue(falsified), parse.GetValue(inputs), stdout, stderr));
        return command;
    }

    private static int Run(string specPath, string resultPath, string? challengeHex, long falsified, string? inputsPath, TextWriter stdout, TextWriter stderr)
    {
        TaskSpec spec;
        ITaskKind kind;
        byte[]? givenSeed = null;
        try
        {
            spec = TaskSpecFile.Read(specPath, inputsPath);
            kind = TaskKindRegistry.Default.Get(spec.Kind);
            if (challengeHex is not null)
            {
                givenSeed = TaskCommand.ChallengeSeed(challengeHex);
            }

            if (!File.Exists(resultPath))
            {
                throw new TaskFileException($"{resultPath}: no such file.");
            }
        }
        catch (Exception e) when (e is TaskFileException or TaskSpecException or ArgumentException)
        {
            stderr.WriteLine($"error: {e.Message}");
            return ExitError;
        }

        stdout.WriteLine($"ok   spec: task {spec.TaskId}, {spec.ItemCount} items");
        ResultDocument document;
        try
        {
            document = TaskResultFile.Read(resultPath);
        }
        catch (TaskFileException e)
        {
            return Reject(stdout, "result_file", e.Message);
        }

        stdout.WriteLine("ok   result_file");
        SpotCheckProof proof;
        try
        {
            proof = SpotCheckProof.Decode(document.Proof, kind.Layout);
        }
        catch (MerkleSumFormatException e)
        {
            return Reject(stdout, "proof", e.Message);
        }

        stdout.WriteLine($"ok   proof: {proof.Openings.Count} openings");
        var seed = givenSeed ?? document.ChallengeSeed;
        if (givenSeed is null)
        {
            stdout.WriteLine("note challenge seed taken from the result file: a stand-in for the network's challenge; a node could have chosen it.");
        }

        var clock = Stopwatch.StartNew();
        var verdict = TaskVerifier.Verify(spec, document.Result, proof, TaskSpecFile.DeriveChallenge(seed, spec.TaskId));
        var signed = TaskResultSigning.Verify(document.Result, document.PublicKey, out var signatureFailure);
        var verifySeconds = clock.Elapsed.TotalSeconds;
        if (!verdict.IsValid)
        {
            return Reject(stdout, CheckName(verdict.Rejection), verdict.Detail);
        }

        stdout.WriteLine("ok   task_id, engine_version, item_count, root, aggregate");
        stdout.WriteLine($"ok   spot_check: {verdict.SpotCheck}");
        if (!signed)
        {
            var colon = signatureFailure.IndexOf(':', StringComparison.Ordinal);
            return Reject(stdout, signatureFailure[..colon], signatureFailure[(colon + 2)..]);
        }

        stdout.WriteLine($"ok   address, signature: node {document.PublicKey.Address}");
        stdout.WriteLine("verdict: accepted");
        var n = spec.ItemCount;
        var k = Math.Clamp(falsified, 1, n);
        var report = SpotCheckReport.For(n, spec.Policy.SpotChecks, (double)k / n, Math.Min(1.0, (double)k / n));
        var c = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Create(c, $"detection: {report.Policy.UniformCount} uniform + {report.Policy.MassCount} mass openings over {n} leaves"));
        stdout.WriteLine(string.Create(c, $"  P(detect {k} falsified leaves) = {report.DetectsFalsifiedFraction:G6}"));
        stdout.WriteLine(string.Create(c, $"  P(detect total inflated by {report.RelativeChange:P2}) = {report.DetectsInflation:G6}, deflated = {report.DetectsDeflation:G6}"));
        stdout.WriteLine(string.Create(c, $"  leaves recomputed <= {report.LeafRecomputationsMax} ({report.LeafCostFraction:P2} of the work), hashes <= {report.HashesMax}"));
        var ratio = document.ComputeSeconds > 0 ? document.ComputeSeconds / Math.Max(verifySeconds, 1e-9) : double.NaN;
        stdout.WriteLine(string.Create(c, $"time: verify {verifySeconds:F4} s vs compute {document.ComputeSeconds:F4} s (node-reported), ratio {ratio:F1}x"));
        return ExitOk;
    }

    private static int Reject(TextWriter stdout, string check, string detail)
    {
        stdout.WriteLine($"FAIL {check}: {detail}");
        stdout.WriteLine($"verdict: rejected (first failing check: {check})");
        return ExitRejected;
    }

    private static string CheckName(TaskRejection rejection) => rejection switch
    {
        TaskRejection.SpecInvalid => "spec",
        TaskRejection.TaskIdMismatch => "task_id",
        TaskRejection.EngineVersionMismatch => "engine_version",
        TaskRejection.ItemCountMismatch => "item_count",
        TaskRejection.RootInvalid => "root",
        TaskRejection.AggregateMismatch => "aggregate",
        TaskRejection.SpotCheckFailed => "spot_check",
        _ => rejection.ToString(),
    };
}
