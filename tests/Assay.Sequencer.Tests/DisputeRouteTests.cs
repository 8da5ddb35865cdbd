using System.Net;
using System.Text.Json;
using Assay.Client;
using Assay.Compute;
using Assay.Compute.Kinds;
using Assay.Compute.Tasks;
using Assay.Ledger.Disputes;
using Assay.Ledger.Transactions;
using Assay.Ledger.Views;
using Assay.Proofs.Canonical;
using Assay.Proofs.CommitReveal;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;
using Assay.Proofs.Signatures;
using Assay.Proofs.SpotCheck;

namespace Assay.Sequencer.Tests;

public sealed class DisputeRouteTests
{
    [Fact]
    public async Task DisputeRoutesAnswerProblemsForBadAndUnknownIdsAndAreInTheOpenApi()
    {
        await using var net = await TestNetwork.StartAsync(d => TestNetwork.OptionsFor(d, idleMs: 600_000));
        using var http = new HttpClient { BaseAddress = net.Host.BaseAddress };
        var zero = new string('0', 64);
        await ExpectProblemAsync(http, "v1/disputes/xyz", HttpStatusCode.BadRequest, "dispute_id");
        await ExpectProblemAsync(http, "v1/disputes/" + new string('a', 63), HttpStatusCode.BadRequest, "dispute_id");
        await ExpectProblemAsync(http, "v1/disputes/" + zero, HttpStatusCode.NotFound, "dispute_id");
        await ExpectProblemAsync(http, "v1/tasks/xyz/disputes", HttpStatusCode.BadRequest, "task_id");
        await ExpectProblemAsync(http, "v1/tasks/" + zero + "/disputes", HttpStatusCode.NotFound, "task_id");
        Assert.Null(await net.Client.GetDisputeAsync(Hash256.Zero));
        Assert.Null(await net.Client.GetTaskDisputesAsync(Hash256.Zero));

        var openApi = await http.GetStringAsync("openapi/v1.json");
        using var doc = JsonDocument.Parse(openApi);
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.True(paths.Contains("/v1/disputes/{dispute_id}") && paths.Contains("/v1/tasks/{task_id}/disputes"), string.Join(", ", paths));
    }

    [Fact]
    public async Task AChallengeShowsInTheRoutesAndTheEventsUntilTheSilentDefenderTimesOut()
    {
        // Three in-test nodes agree on a 5-position task; account 1 challenges with a fabricated root. Nobody defends, so
        // the dispute ends ChallengerWon by timeout after the reveal window (used as the step window, 20 blocks).
        await using var net = await TestNetwork.StartAsync(d => TestNetwork.OptionsFor(d, blockMs: 20) with { Genesis = TestNetwork.Genesis(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 60_000, windowBlocks: 20) });
        var spec = Spec(21);
        var honest = TaskRunner.Run(spec, TestNetwork.Node(0).Address.ToArray(), maxDegreeOfParallelism: 1);
        var submitted = await new TransactionSender(net.Client, TestNetwork.Account(0)).SendAsync(new SubmitTaskBody(spec));
        Assert.True(submitted.IsApplied, submitted.ToString());
        var agreed = await AgreeAsync(net.Client, spec, TimeSpan.FromSeconds(30));
        Assert.True(agreed.Phase == "agreed", $"task {agreed.Phase}: {string.Join(", ", agreed.Assignments.Select(a => $"{a.Node} {a.Status}"))}");

        var challenger = TestNetwork.Account(1);
        var fake = Falsify(honest.Tree, 3);
        var challenge = await new TransactionSender(net.Client, challenger).SendAsync(new ChallengeBody(spec.TaskId, 1_000, honest.Result.Root, fake.Root));
        Assert.True(challenge.IsApplied, challenge.ToString());
        var id = DisputeRules.DisputeId(spec.TaskId, challenger.Address, (ulong)challenge.Height);
        var open = await net.Client.GetDisputeAsync(id);
        Assert.True(open is { Status: "open", Mover: "defender", Step: 0, RangeStart: 0, RangeLength: 5, Bond: 1_000, DefenderLeft: null, TimedOut: false }, $"{open}");
        Assert.Equal((spec.TaskId.ToString(), challenger.Address.ToString(), (ulong)challenge.Height), (open.TaskId, open.Challenger, open.OpenedHeight));
        Assert.Equal(honest.Result.Root.Hash.ToString(), open.Defended.Hash);
        Assert.Equal(fake.Root.Hash.ToString(), open.Claimed.Hash);
        Assert.Equal(fake.Root.Sums, open.Claimed.ToNode().Sums);
        Assert.Equal((ulong)challenge.Height + 20, open.DeadlineHeight);
        Assert.Equal(id.ToString(), Assert.Single((await net.Client.GetTaskDisputesAsync(spec.TaskId))!).DisputeId);

        DisputeView? end = null;
        for (var i = 0; i < 1_000 && (end is null || end.IsOpen); i++)
        {
            end = await net.Client.GetDisputeAsync(id);
            await Task.Delay(20);
        }

        Assert.True(end is { Status: "challenger_won", TimedOut: true, Bond: 0 }, $"{end}");
        var head = (await net.Client.GetStatusAsync()).Height;
        var events = new List<DisputeEvent>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var e in net.Client.StreamEventsAsync(0, cts.Token))
        {
            if (e.Block is { } b && b.Height > head)
            {
                break;
            }

            if (e.Dispute is { } d)
            {
                Assert.Equal(NetworkEvent.DisputeType, e.Type);
                events.Add(d);
            }
        }

        Assert.Equal(2, events.Count);
        Assert.Equal((id.ToString(), "open", "none", "defender", 0UL), (events[0].DisputeId, events[0].Status, events[0].PreviousStatus, events[0].Mover, events[0].Step));
        Assert.Equal((id.ToString(), "challenger_won", "open", true), (events[1].DisputeId, events[1].Status, events[1].PreviousStatus, events[1].TimedOut));
        Assert.Equal(spec.TaskId.ToString(), events[1].TaskId);
    }

    private static TaskSpec Spec(ulong seed)
    {
        var positions = Enumerable.Range(0, 5).Select(i => new PriceBookPosition(
            new Pricing.Engines.Analytic.BlackScholesParameters(i % 2 == 0 ? Pricing.Instruments.OptionType.Call : Pricing.Instruments.OptionType.Put, 100.0, 90.0 + i, 0.5, 0.03, 0.01, 0.2 + (0.01 * i)), 1.0 + i)).ToArray();
        var policy = new VerificationPolicy(3, 2, new SpotCheckPolicy(1, 0, PriceBookKind.GrossValueLane), 0.0, 200, 1000);
        return new TaskSpec(TaskKindIds.PriceBook, EngineVersion.Current, CanonicalEncoding.Encode(new PriceBookInputs(positions)), positions.Length, seed, policy, 9_000_000,
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 3_600_000);
    }

    /// <summary>Commits and reveals honestly for every assigned test node until the task is agreed (or the time runs out).</summary>
    private static async Task<TaskView> AgreeAsync(AssayClient client, TaskSpec spec, TimeSpan timeout)
    {
        var senders = Enumerable.Range(0, TestNetwork.NodeCount).Select(TestNetwork.Node).ToDictionary(k => k.Address.ToString(), k => new TransactionSender(client, k));
        var runs = new Dictionary<string, (TaskRun Run, CommitSalt Salt)>();
        var revealed = new HashSet<string>();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var task = (await client.GetTaskAsync(spec.TaskId))!;
            if (task.Phase is "agreed" or "final" or "expired" || DateTime.UtcNow > deadline)
            {
                return task;
            }

            foreach (var a in task.Assignments)
            {
                var node = Address.Parse(a.Node);
                if (a.Status == "assigned" && !runs.ContainsKey(a.Node))
                {
                    var run = TaskRunner.Run(spec, node.ToArray(), maxDegreeOfParallelism: 1);
                    var salt = new CommitSalt(DomainHash.Compute("test/salt", node.ToArray()).ToArray());
                    runs[a.Node] = (run, salt);
                    var receipt = await senders[a.Node].SendAsync(new CommitBody(spec.TaskId, Commitment.Create(spec.TaskId, node, run.Result.Root.Digest(), salt)));
                    Assert.True(receipt.IsApplied, $"commit of {node}: {receipt}");
                }
                else if (a.Status == "committed" && a.RevealDeadline > 0 && revealed.Add(a.Node))
                {
                    var (run, salt) = runs[a.Node];
                    var proof = TaskRunner.Prove(spec, run.Tree, Hash256.Parse(a.ChallengeSeed).ToArray()).Encode();
                    var receipt = await senders[a.Node].SendAsync(new RevealBody(spec.TaskId, run.Result, salt, proof));
                    Assert.True(receipt.IsApplied && !receipt.Faulted, $"reveal of {node}: {receipt}");
                }
            }

            await Task.Delay(20);
        }
    }

    private static MerkleSumTree Falsify(MerkleSumTree tree, long index)
    {
        var leaves = new MerkleSumLeaf[tree.LeafCount];
        for (var i = 0L; i < leaves.LongLength; i++)
        {
            leaves[i] = tree.GetLeaf(i);
        }

        var lanes = leaves[index].Sums.Lanes.ToArray();
        lanes[0] += (Int128)1 << 40;
        leaves[index] = leaves[index] with { Sums = new LaneSums(leaves[index].Sums.Count, lanes) };
        return MerkleSumTree.Build(tree.Layout, leaves);
    }

    private static async Task ExpectProblemAsync(HttpClient http, string path, HttpStatusCode status, string field)
    {
        using var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"GET {path}: {(int)response.StatusCode} {text}");
        using var doc = JsonDocument.Parse(text);
        Assert.Equal(field, doc.RootElement.GetProperty("field").GetString());
    }
}
