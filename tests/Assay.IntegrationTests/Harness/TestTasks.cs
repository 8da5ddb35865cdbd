using Assay.Cli.Devnet;
using Assay.Cli.Tasks;
using Assay.Client;
using Assay.Compute.Kinds;
using Assay.Compute.Tasks;
using Assay.Ledger.Transactions;
using Assay.Ledger.Views;
using Assay.Node.Keys;
using Assay.Proofs.Canonical;
using Assay.Proofs.SpotCheck;

namespace Assay.IntegrationTests.Harness;

/// <summary>Task specs and checks shared by the network tests.</summary>
internal static class TestTasks
{
    /// <summary>The root digest an honest node computes for <paramref name="spec"/> (hex).</summary>
    public static string HonestRoot(TaskSpec spec) => TaskRunner.Run(spec, new byte[20]).Result.Root.Digest().ToString();

    /// <summary>A one-line description of a task view for failure messages.</summary>
    public static string Describe(TaskView v) =>
        $"task {v.TaskId} {v.Kind} phase {v.Phase} agreed {v.AgreedRoot} replacements {v.Replacements}: "
        + string.Join("; ", v.Assignments.Select(a => $"{a.Node} {a.Status} commit≤{a.CommitDeadline} reveal≤{a.RevealDeadline}"));

    /// <summary>A PriceBook task of <paramref name="positions"/> rows of <paramref name="book"/> (starting at row <paramref name="seed"/>), one uniform spot check, the devnet's fee, a deadline 100 s ahead.</summary>
    public static TaskSpec PriceBook(PriceBookInputs book, int positions, int replication, int quorum, ulong windowBlocks, ulong seed)
    {
        var list = Enumerable.Range(0, positions).Select(i => book.Positions[(i + (int)seed) % book.Positions.Count]).ToArray();
        var policy = new VerificationPolicy(replication, quorum, new SpotCheckPolicy(1, 0, PriceBookKind.GrossValueLane), 0.0, windowBlocks, 1000);
        return new TaskSpec(
            TaskKindIds.PriceBook, Compute.EngineVersion.Current, CanonicalEncoding.Encode(new PriceBookInputs(list)), positions, seed, policy,
            DevnetRequester.FeeMinorUnits, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 100_000);
    }

    /// <summary>
    /// Submits PriceBook tasks (r = q = 2, <paramref name="positions"/> rows, one uniform spot check) until the two
    /// colluding wrong-result nodes of <see cref="TestNet.StartWatcherAndColludersAsync"/> get their falsified root agreed;
    /// at most two attempts (the spot check opens the falsified leaf with probability 1/<paramref name="positions"/>).
    /// </summary>
    /// <returns>The spec and the view that showed the agreement (or liars already slashed: a dispute can void it between polls).</returns>
    public static async Task<(TaskSpec Spec, TaskView Agreed)> AgreeOnTheColludersRootAsync(TestNet net, int positions, CancellationToken ct)
    {
        using var key = NodeKeyStore.LoadOrCreate(net.Layout.RequesterKeyPath, null, out _);
        var sender = new TransactionSender(net.Client, key);
        var book = PriceBookCsv.Read(net.Layout.BookPath);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var spec = PriceBook(book, positions, replication: 2, quorum: 2, windowBlocks: 300, seed: (ulong)attempt);
            var receipt = await sender.SendAsync(new SubmitTaskBody(spec), ct);
            Assert.True(receipt.IsApplied, $"{receipt.Reason} {receipt.Message}");
            var view = await net.WaitForTaskAsync(spec.TaskId, v => v.Phase is "agreed" or "expired" || v.Assignments.Any(a => a.Status is "failed_verification" or "slashed_wrong"), ct);
            if (view.Phase == "agreed" || view.Assignments.Any(a => a.Status == "slashed_wrong"))
            {
                return (spec, view);
            }
        }

        Assert.Fail($"both attempts opened the falsified leaf (probability 1/{positions} each)\n{net.Logs()}");
        throw new InvalidOperationException("unreachable");
    }
}
