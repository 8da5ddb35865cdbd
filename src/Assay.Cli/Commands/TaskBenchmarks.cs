using System.Globalization;
using Assay.Compute;
using Assay.Compute.Kinds;
using Assay.Compute.Tasks;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;
using Assay.Proofs.Canonical;
using Assay.Proofs.Delay;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;
using Assay.Proofs.SpotCheck;

namespace Assay.Cli.Commands;

/// <summary>The workloads of <c>assay bench task</c>: what committing to and spot-checking a Monte Carlo task costs (issue 4).</summary>
/// <remarks>
/// <para>Everything runs on the calling thread and is timed in thread CPU seconds (<see cref="TaskBenchClock"/>), so
/// other work on a shared machine does not count. For each payoff: one direct <see cref="MonteCarloEngine.Run"/> on one
/// thread (the reference cost), then for each leaf size L the task: every leaf's <see cref="MonteCarloEngine.EvaluateRange"/>
/// (compute), its payload and the Merkle-sum tree (commit: <see cref="MonteCarloKind.LeafOf"/> + <see cref="MerkleSumTree.Build"/>),
/// the proof for the policy <see cref="SpotCheckPolicy.For"/>(n, 0.99, 0.01, Σpayoff²) and one challenge, and the verifier
/// (decode the proof bytes + <see cref="TaskVerifier.Verify"/>, which recomputes every opened leaf).</para>
/// <para>The direct figure is the best of <see cref="DirectRuns"/> runs; commit, prove, verify and checks are each the best
/// of <see cref="Repeats"/> runs; the leaf computation is a single pass. All after a warm-up on a small task.</para>
/// <para>Ratios: commit = commit time / direct time; verify = verifier time / direct time; checks = the verifier's time
/// without the leaf recomputations (the same proof checked against the committed leaves) / direct time.</para>
/// </remarks>
internal static class TaskBenchmarks
{
    /// <summary>Leaf sizes compared by default (paths per leaf).</summary>
    public static readonly int[] LeafSizes = [16, 32, 64, 4096];

    /// <summary>Names of the Monte Carlo workloads.</summary>
    public static readonly string[] PayoffNames = ["asian_252", "european_1"];

    /// <summary>The direct run's figure is the best of this many runs (the first ones still meet tier-0 code and cold caches).</summary>
    private const int DirectRuns = 3;

    /// <summary>Commit, prove, verify and checks are each the best of this many runs, as the direct run is.</summary>
    private const int Repeats = 3;

    private const ulong Seed = 20261121;

    private static readonly byte[] Node = [.. Enumerable.Range(1, 20).Select(i => (byte)i)];

    private static readonly byte[] ChallengeSeed = [.. Enumerable.Range(100, 32).Select(i => (byte)i)];

    /// <summary>Runs the Monte Carlo workloads (all, or the one named <paramref name="payoffName"/>) on <paramref name="paths"/> paths for each leaf size, and the VDF at <paramref name="vdfDelay"/> squarings (none if 0); writes Markdown tables.</summary>
    public static void Run(TextWriter output, long paths, long vdfDelay, IReadOnlyList<int> leafSizes, string? payoffName)
    {
        ArgumentNullException.ThrowIfNull(output);
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"machine: {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; clock: {(TaskBenchClock.IsThreadTime ? "thread CPU time" : "process CPU time")}; one thread"));
        output.WriteLine(string.Create(inv, $"policy: SpotCheckPolicy.For(n, 0.99, 0.01, lane 1 = payoff^2); challenge seed 100..131; task seed {Seed}"));
        output.WriteLine();
        output.WriteLine("| payoff | paths | L | leaves | direct s | leaves s | commit s | commit % | k_u + k_m | opened | proof bytes | prove s | verify s | verify % | checks % | P(f=1%) | P(+1%) | P(-1%) |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, payoff, steps) in Workloads().Where(w => payoffName is null || w.Name == payoffName))
        {
            var gbm = new GbmModel(100.0, 1.0, 0.03, 0.01, 0.25);
            Warm(gbm, payoff, steps);
            var direct = double.MaxValue;
            for (var rep = 0; rep < DirectRuns; rep++)
            {
                direct = Math.Min(direct, Cpu(() => MonteCarloEngine.Run(new MonteCarloSpec(gbm, payoff, new MonteCarloSettings(paths, steps, Seed, MaxDegreeOfParallelism: 1)))));
            }

            foreach (var leaf in leafSizes)
            {
                var row = Task(gbm, payoff, steps, paths, leaf);
                output.WriteLine(string.Create(inv, $"| {name} | {paths} | {leaf} | {row.Leaves} | {direct:F3} | {row.Compute:F3} | {row.Commit:F3} | {100 * row.Commit / direct:F2} | {row.Policy.UniformCount} + {row.Policy.MassCount} | {row.Opened} | {row.ProofBytes} | {row.Prove:F3} | {row.Verify:F3} | {100 * row.Verify / direct:F2} | {100 * row.Checks / direct:F2} | {row.Report.DetectsFalsifiedFraction:F4} | {row.Report.DetectsInflation:F4} | {row.Report.DetectsDeflation:F4} |"));
            }
        }

        if (vdfDelay > 0)
        {
            output.WriteLine();
            Vdf(output, vdfDelay);
        }
    }

    private static IEnumerable<(string Name, PayoffSpec Payoff, int Steps)> Workloads()
    {
        yield return ("asian_252", new PayoffSpec(PayoffKind.ArithmeticAsian, OptionType.Call, 100.0, FixingCount: 252), 252);
        yield return ("european_1", new PayoffSpec(PayoffKind.European, OptionType.Call, 100.0), 1);
    }

    /// <summary>Runs every code path once on a small task so that tiered compilation has optimised it before timing.</summary>
    private static void Warm(GbmModel gbm, PayoffSpec payoff, int steps)
    {
        for (var i = 0; i < 3; i++)
        {
            MonteCarloEngine.Run(new MonteCarloSpec(gbm, payoff, new MonteCarloSettings(2 * MonteCarloEngine.BatchPaths, steps, Seed, MaxDegreeOfParallelism: 1)));
            foreach (var leaf in LeafSizes)
            {
                Task(gbm, payoff, steps, 2 * MonteCarloEngine.BatchPaths, leaf);
            }
        }
    }

    private static TaskFigures Task(GbmModel gbm, PayoffSpec payoff, int steps, long paths, int pathsPerLeaf)
    {
        var inputs = new MonteCarloInputs(gbm, payoff, paths, steps, false, pathsPerLeaf);
        var n = inputs.LeafCount;
        var policy = SpotCheckPolicy.For(n, 0.99, 0.01, MonteCarloKind.PayoffSquaredLane);
        var spec = new TaskSpec(
            TaskKindIds.MonteCarlo, EngineVersion.Current, CanonicalEncoding.Encode(inputs), n, Seed, new VerificationPolicy(1, 1, policy, 3.0, 100, 0), 0, 1_795_000_000_000);
        var mc = inputs.ToSpec(Seed);

        // Leaves: compute (EvaluateRange) and commit (payload hashes) timed as two whole passes (no clock read per leaf).
        var sums = new BatchSums[n];
        var leaves = new MerkleSumLeaf[n];
        var compute = Cpu(() =>
        {
            for (var i = 0L; i < n; i++)
            {
                var first = i * pathsPerLeaf;
                sums[i] = MonteCarloEngine.EvaluateRange(mc, first, (int)Math.Min(pathsPerLeaf, paths - first));
            }
        });
        MerkleSumTree? tree = null;
        var commit = Best(() =>
        {
            for (var i = 0L; i < n; i++)
            {
                leaves[i] = MonteCarloKind.LeafOf(sums[i]);
            }

            tree = MerkleSumTree.Build(MonteCarloKind.Instance.Layout, leaves);
        });
        var computation = MonteCarloKind.Instance.Prepare(spec);
        var result = new TaskResult(spec.TaskId, spec.EngineVersion, n, tree!.Root, computation.Reduce(tree.Root.Sums), Node, []);

        byte[] proofBytes = [];
        var prove = Best(() => proofBytes = TaskRunner.Prove(spec, tree, ChallengeSeed).Encode());
        TaskVerdict verdict = default;
        var verify = Best(() => verdict = TaskVerifier.Verify(spec, result, SpotCheckProof.Decode(proofBytes, MonteCarloKind.Instance.Layout), ChallengeSeed));
        if (!verdict.IsValid)
        {
            throw new InvalidOperationException($"The benchmark's own task did not verify: {verdict}");
        }

        var committed = tree;
        var checks = Best(() => SpotCheckVerifier.Verify(
            MonteCarloKind.Instance.Layout, result.Root, ChallengeSeed, policy, SpotCheckProof.Decode(proofBytes, MonteCarloKind.Instance.Layout), committed.GetLeaf));
        return new TaskFigures(
            n, compute, commit, policy, verdict.SpotCheck?.LeavesRecomputed ?? 0, proofBytes.Length, prove, verify, checks, SpotCheckReport.For(n, policy, 0.01, 0.01));
    }

    private static void Vdf(TextWriter output, long delay)
    {
        var inv = CultureInfo.InvariantCulture;
        var vdf = WesolowskiVdf.Rsa2048;
        var seed = DomainHash.Compute("assay/bench-vdf-seed/v1", BitConverter.GetBytes(Seed));
        vdf.Verify(vdf.Evaluate(seed, 64));
        VdfProof? proof = null;
        var evaluate = Cpu(() => proof = vdf.Evaluate(seed, delay));
        var ok = false;
        var verify = Cpu(() => ok = vdf.Verify(proof!));
        if (!ok)
        {
            throw new InvalidOperationException("The benchmark's own VDF proof did not verify.");
        }

        output.WriteLine("| VDF (Wesolowski, RSA-2048) | delay T (squarings) | evaluate + prove s | µs per squaring | verify ms | proof bytes |");
        output.WriteLine("|---|---|---|---|---|---|");
        output.WriteLine(string.Create(inv, $"| RSA-2048 challenge modulus | {delay} | {evaluate:F3} | {1e6 * evaluate / delay:F2} | {1e3 * verify:F2} | {vdf.EncodedProofLength} |"));
    }

    private static double Cpu(Action action)
    {
        var start = TaskBenchClock.Seconds();
        action();
        return TaskBenchClock.Seconds() - start;
    }

    /// <summary>The least thread CPU time of <see cref="Repeats"/> runs (the noise on a shared machine only ever adds time).</summary>
    private static double Best(Action action)
    {
        var best = double.MaxValue;
        for (var rep = 0; rep < Repeats; rep++)
        {
            best = Math.Min(best, Cpu(action));
        }

        return best;
    }

    private static double Cpu<T>(Func<T> function)
    {
        var start = TaskBenchClock.Seconds();
        GC.KeepAlive(function());
        return TaskBenchClock.Seconds() - start;
    }

    private readonly record struct TaskFigures(
        long Leaves, double Compute, double Commit, SpotCheckPolicy Policy, int Opened, int ProofBytes, double Prove, double Verify, double Checks, SpotCheckReport Report);
}
