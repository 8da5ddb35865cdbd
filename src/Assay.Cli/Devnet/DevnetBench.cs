using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Assay.Cli.Tasks;
using Assay.Client;
using Assay.Compute.Kinds;
using Assay.Compute.Tasks;
using Assay.Ledger.Transactions;
using Assay.Node.Keys;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;
using Assay.Proofs.SpotCheck;

namespace Assay.Cli.Devnet;

/// <summary>The network benchmark behind <c>bench/run-network.sh</c>: end-to-end task latency, task throughput and sequencer transactions per second, all bounded and on loopback.</summary>
/// <remarks>
/// Latency: one small PriceBook task (4 positions, r = 3, q = 2) at a time, from just before <c>POST</c> to the first
/// poll (every 5 ms) that sees the task agreed; the challenge window is excluded. Throughput: waves of tasks submitted
/// together, agreed tasks per second of the wave's wall time. Sequencer: pre-signed transfers from
/// <see cref="TransferKeys"/> fresh keys the requester funds first, with a bounded number in flight; acknowledged transactions per second.
/// </remarks>
public sealed class DevnetBench
{
    /// <summary>Keys the sequencer load is spread over (one nonce sequence each).</summary>
    public const int TransferKeys = 5;

    private readonly DevnetLayout _layout;
    private readonly AssayClient _client;
    private readonly TextWriter _out;

    /// <summary>Creates a benchmark of the network at <paramref name="client"/> whose keys are in <paramref name="layout"/>.</summary>
    public DevnetBench(DevnetLayout layout, AssayClient client, TextWriter output)
    {
        _layout = layout;
        _client = client;
        _out = output;
    }

    /// <summary>Measures submit → agreed latency of <paramref name="count"/> small PriceBook tasks, one after the other; prints p50, p90, p99 and max.</summary>
    public async Task<double[]> LatencyAsync(int count, CancellationToken ct)
    {
        using var key = NodeKeyStore.LoadOrCreate(_layout.RequesterKeyPath, null, out _);
        var sender = new TransactionSender(_client, key);
        var book = PriceBookCsv.Read(_layout.BookPath);
        var random = new Random(7);
        var latencies = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var spec = SmallBook(book, random);
            var clock = Stopwatch.StartNew();
            var receipt = await sender.SendAsync(new SubmitTaskBody(spec), ct).ConfigureAwait(false);
            if (!receipt.IsApplied)
            {
                throw new InvalidOperationException($"submission rejected: {receipt.Reason}: {receipt.Message}");
            }

            while (true)
            {
                var view = await _client.GetTaskAsync(spec.TaskId, ct).ConfigureAwait(false);
                if (view is { Phase: "agreed" or "final" })
                {
                    break;
                }

                if (view is { Phase: "expired" } || clock.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new InvalidOperationException($"task {spec.TaskId} did not agree ({view?.Phase})");
                }

                await Task.Delay(5, ct).ConfigureAwait(false);
            }

            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }

        var sorted = latencies.Order().ToArray();
        _out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"latency submit→agreed, {count} PriceBook tasks of 4 positions, r=3 q=2: p50 {Percentile(sorted, 0.50):F1} ms, p90 {Percentile(sorted, 0.90):F1} ms, p99 {Percentile(sorted, 0.99):F1} ms, max {sorted[^1]:F1} ms"));
        return sorted;
    }

    /// <summary>Submits waves of <paramref name="waves"/> sizes at once and prints agreed tasks per second for each (saturation shows as a flat rate).</summary>
    public async Task ThroughputAsync(IReadOnlyList<int> waves, CancellationToken ct)
    {
        using var key = NodeKeyStore.LoadOrCreate(_layout.RequesterKeyPath, null, out _);
        var book = PriceBookCsv.Read(_layout.BookPath);
        var random = new Random(11);
        foreach (var size in waves)
        {
            var account = await _client.GetAccountAsync(key.Address, ct).ConfigureAwait(false);
            var specs = Enumerable.Range(0, size).Select(_ => SmallBook(book, random)).ToArray();
            var txs = specs.Select((s, i) => SignedTransaction.Sign(key, account.Nonce + (ulong)i, new SubmitTaskBody(s))).ToArray();
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(txs.Select(tx => _client.SubmitAsync(tx, ct))).ConfigureAwait(false);
            var pending = new HashSet<Hash256>(specs.Select(s => s.TaskId));
            while (pending.Count > 0 && clock.Elapsed < TimeSpan.FromSeconds(120))
            {
                foreach (var id in pending.ToArray())
                {
                    var view = await _client.GetTaskAsync(id, ct).ConfigureAwait(false);
                    if (view is { Phase: "agreed" or "final" or "expired" })
                    {
                        pending.Remove(id);
                    }
                }

                await Task.Delay(20, ct).ConfigureAwait(false);
            }

            var seconds = clock.Elapsed.TotalSeconds;
            _out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"throughput: wave of {size} tasks agreed in {seconds:F2} s = {(size - pending.Count) / seconds:F1} tasks/s ({pending.Count} unfinished)"));
        }
    }

    /// <summary>Posts <paramref name="total"/> pre-signed transfers from <see cref="TransferKeys"/> fresh keys (funded by the requester first, so no node's own transactions race for their nonces) with at most <paramref name="inFlight"/> outstanding; prints acknowledged tx/s.</summary>
    public async Task SequencerAsync(int total, int inFlight, CancellationToken ct)
    {
        var keys = Enumerable.Range(0, TransferKeys).Select(_ => SigningKeyFactory.Generate()).ToArray();
        try
        {
            using (var requester = NodeKeyStore.LoadOrCreate(_layout.RequesterKeyPath, null, out _))
            {
                var funder = new TransactionSender(_client, requester);
                foreach (var key in keys)
                {
                    var funded = await funder.SendAsync(new TransferBody(key.Address, "ASY", (ulong)total * 10), ct).ConfigureAwait(false);
                    if (!funded.IsApplied)
                    {
                        throw new InvalidOperationException($"funding a transfer key was rejected: {funded.Reason}: {funded.Message}");
                    }
                }
            }

            var sink = new Address(new byte[Address.Length]);
            var queues = new List<ConcurrentQueue<SignedTransaction>>();
            var per = total / keys.Length;
            foreach (var key in keys)
            {
                queues.Add(new ConcurrentQueue<SignedTransaction>(Enumerable.Range(0, per).Select(i => SignedTransaction.Sign(key, (ulong)i, new TransferBody(sink, "ASY", 1)))));
            }

            var sent = queues.Sum(q => q.Count);
            var acknowledged = 0;
            var clock = Stopwatch.StartNew();

            // Each worker drains one key's queue in nonce order, so no transaction waits on a nonce gap for long.
            var perKey = Math.Max(1, inFlight / keys.Length);
            var workers = queues.SelectMany(q => Enumerable.Range(0, perKey).Select(_ => Task.Run(
                async () =>
                {
                    while (q.TryDequeue(out var tx))
                    {
                        var receipt = await _client.SubmitAsync(tx, ct).ConfigureAwait(false);
                        if (receipt.IsApplied)
                        {
                            Interlocked.Increment(ref acknowledged);
                        }
                    }
                },
                ct)));
            await Task.WhenAll(workers).ConfigureAwait(false);
            var seconds = clock.Elapsed.TotalSeconds;
            _out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sequencer: {acknowledged} of {sent} transfers acknowledged (applied) in {seconds:F2} s = {acknowledged / seconds:F0} tx/s with {perKey * keys.Length} in flight"));
        }
        finally
        {
            foreach (var key in keys)
            {
                key.Dispose();
            }
        }
    }

    private static TaskSpec SmallBook(PriceBookInputs book, Random random)
    {
        var positions = Enumerable.Range(0, 4).Select(_ => book.Positions[random.Next(book.Positions.Count)]).ToArray();
        var policy = new VerificationPolicy(
            DevnetRequester.Replication, DevnetRequester.Quorum, new SpotCheckPolicy(2, 1, PriceBookKind.GrossValueLane), 0.0, DevnetLayout.TaskChallengeWindowBlocks, 1000);
        return new TaskSpec(
            TaskKindIds.PriceBook, Compute.EngineVersion.Current, CanonicalEncoding.Encode(new PriceBookInputs(positions)), positions.Length,
            (ulong)random.NextInt64(1, long.MaxValue), policy, DevnetRequester.FeeMinorUnits, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 120_000);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
