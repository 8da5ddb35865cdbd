using System.Collections.Concurrent;
using Assay.Client;
using Assay.Compute.Kinds;
using Assay.Compute.Tasks;
using Assay.Ledger.Transactions;
using Assay.Ledger.Views;
using Assay.Pricing.Instruments;
using Assay.Pricing.MonteCarlo;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;
using Assay.Proofs.SpotCheck;

namespace Assay.Cli.Devnet;

/// <summary>The devnet's demo requester: submits a steady mix of PriceBook tasks (from the sample book) and small Monte Carlo tasks, and records every acknowledgement.</summary>
/// <remarks>Two tasks in three are PriceBooks of 4–12 positions of the book; one in three is a European Monte Carlo run of
/// 4–8 leaves of 256 paths. Every task: replication 3, quorum 2, 2 uniform + 1 mass spot checks, fee 9·10^6, a deadline
/// two minutes ahead.</remarks>
public sealed class DevnetRequester
{
    /// <summary>Fee of each task, native minor units.</summary>
    public const ulong FeeMinorUnits = 9_000_000;

    /// <summary>Nodes per task.</summary>
    public const int Replication = 3;

    /// <summary>Agreeing reveals needed.</summary>
    public const int Quorum = 2;

    /// <summary>Seconds from submission to a task's deadline.</summary>
    public const int DeadlineSeconds = 120;

    private const int PathsPerLeaf = 256;
    private readonly TransactionSender _sender;
    private readonly PriceBookInputs _book;
    private readonly Random _random;
    private readonly ConcurrentQueue<string> _acknowledged = new();
    private readonly ConcurrentQueue<Hash256> _tasks = new();
    private int _rejected;

    /// <summary>Creates a requester signing with <paramref name="key"/>, drawing positions from <paramref name="book"/> with the seed <paramref name="seed"/>.</summary>
    public DevnetRequester(AssayClient client, SigningKey key, PriceBookInputs book, int seed)
    {
        _sender = new TransactionSender(client, key);
        _book = book;
        _random = new Random(seed);
    }

    /// <summary>Hashes of the transactions the sequencer acknowledged (applied or rejected, but durably in a block).</summary>
    public IReadOnlyCollection<string> AcknowledgedTransactions => _acknowledged;

    /// <summary>Ids of the tasks the ledger accepted.</summary>
    public IReadOnlyCollection<Hash256> Tasks => _tasks;

    /// <summary>Submissions the ledger rejected.</summary>
    public int Rejected => _rejected;

    /// <summary>Submits a task every <paramref name="interval"/> until cancelled; network errors are counted as not acknowledged and the loop goes on.</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await SubmitOneAsync(ct).ConfigureAwait(false);
                await Task.Delay(interval, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or AssayApiException or OperationCanceledException)
            {
                // The sequencer may be restarting; try again shortly.
                await Task.Delay(TimeSpan.FromMilliseconds(250), CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Submits the next task of the mix and returns its receipt.</summary>
    public async Task<(TaskSpec Spec, TransactionReceipt Receipt)> SubmitOneAsync(CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + (DeadlineSeconds * 1000L);
        TaskSpec spec;
        lock (_random)
        {
            spec = _random.Next(3) == 2 ? MonteCarloTask(_random, deadline) : PriceBookTask(_book, _random, deadline);
        }

        var receipt = await _sender.SendAsync(new SubmitTaskBody(spec), ct).ConfigureAwait(false);
        _acknowledged.Enqueue(receipt.Hash);
        if (receipt.IsApplied)
        {
            _tasks.Enqueue(spec.TaskId);
        }
        else
        {
            Interlocked.Increment(ref _rejected);
        }

        return (spec, receipt);
    }

    /// <summary>A PriceBook task of 4–12 positions drawn from <paramref name="book"/> (distinct ids through the seed field).</summary>
    public static TaskSpec PriceBookTask(PriceBookInputs book, Random random, long deadlineUnixMs)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(random);
        var count = random.Next(4, Math.Min(12, book.Positions.Count) + 1);
        var positions = new PriceBookPosition[count];
        for (var i = 0; i < count; i++)
        {
            positions[i] = book.Positions[random.Next(book.Positions.Count)];
        }

        var policy = new VerificationPolicy(Replication, Quorum, new SpotCheckPolicy(2, 1, PriceBookKind.GrossValueLane), 0.0, DevnetLayout.TaskChallengeWindowBlocks, 1000);
        return new TaskSpec(
            TaskKindIds.PriceBook, Compute.EngineVersion.Current, CanonicalEncoding.Encode(new PriceBookInputs(positions)), count,
            (ulong)random.NextInt64(1, long.MaxValue), policy, FeeMinorUnits, deadlineUnixMs);
    }

    /// <summary>A European GBM Monte Carlo task of 4–8 leaves of 256 paths.</summary>
    public static TaskSpec MonteCarloTask(Random random, long deadlineUnixMs)
    {
        ArgumentNullException.ThrowIfNull(random);
        return MonteCarloTask(random, deadlineUnixMs, random.Next(4, 9), PathsPerLeaf);
    }

    /// <summary>A European GBM Monte Carlo task of <paramref name="leaves"/> leaves of <paramref name="pathsPerLeaf"/> paths (a multiple of 8 in [8, 4096]), r = 3, q = 2.</summary>
    public static TaskSpec MonteCarloTask(Random random, long deadlineUnixMs, int leaves, int pathsPerLeaf)
    {
        ArgumentNullException.ThrowIfNull(random);
        var inputs = new MonteCarloInputs(
            new GbmModel(100.0, 0.5 + (0.25 * random.Next(4)), 0.03, 0.01, 0.15 + (0.05 * random.Next(4))),
            new PayoffSpec(PayoffKind.European, random.Next(2) == 0 ? OptionType.Call : OptionType.Put, 90.0 + (5.0 * random.Next(5))),
            (long)leaves * pathsPerLeaf, 1, false, pathsPerLeaf);
        var policy = new VerificationPolicy(Replication, Quorum, new SpotCheckPolicy(2, 1, MonteCarloKind.PayoffSquaredLane), 0.0, DevnetLayout.TaskChallengeWindowBlocks, 1000);
        return new TaskSpec(
            TaskKindIds.MonteCarlo, Compute.EngineVersion.Current, CanonicalEncoding.Encode(inputs), leaves, (ulong)random.NextInt64(1, long.MaxValue), policy,
            FeeMinorUnits, deadlineUnixMs);
    }
}
