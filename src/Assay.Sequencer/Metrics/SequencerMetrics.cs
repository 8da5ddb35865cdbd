using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Assay.Sequencer.Metrics;

/// <summary>The sequencer's counters, gauges and histograms, written as Prometheus text format 0.0.4.</summary>
/// <remarks>
/// Series: <c>assay_blocks_total</c>, <c>assay_transactions_total{outcome}</c> (applied, rejected, dropped),
/// <c>assay_follow_up_blocks_total</c>, <c>assay_mempool_depth</c>, <c>assay_tasks{phase}</c>, <c>assay_slashes_total</c>, <c>assay_height</c>,
/// <c>assay_block_apply_seconds</c> (apply + durable append) and <c>assay_http_request_seconds{route}</c>.
/// </remarks>
internal sealed class SequencerMetrics
{
    private readonly ConcurrentDictionary<string, long> _transactions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LatencyHistogram> _http = new(StringComparer.Ordinal);
    private long _blocks;
    private long _slashes;
    private long _followUps;

    public LatencyHistogram BlockApply { get; } = new();

    public void CountBlock() => Interlocked.Increment(ref _blocks);

    public void CountTransaction(string outcome) => _transactions.AddOrUpdate(outcome, 1, (_, n) => n + 1);

    public void CountFollowUp() => Interlocked.Increment(ref _followUps);

    public void CountSlashes(int n) => Interlocked.Add(ref _slashes, n);

    public void ObserveRequest(string route, double seconds) => _http.GetOrAdd(route, _ => new LatencyHistogram()).Observe(seconds);

    /// <summary>The exposition text; gauges are read from the arguments.</summary>
    public string Write(long height, int mempoolDepth, IReadOnlyDictionary<string, int> tasksByPhase)
    {
        var text = new StringBuilder(4096);
        text.Append("# HELP assay_blocks_total Blocks produced and durably stored by this process.\n# TYPE assay_blocks_total counter\n");
        text.Append(CultureInfo.InvariantCulture, $"assay_blocks_total {Interlocked.Read(ref _blocks)}\n");
        text.Append("# HELP assay_height Height of the head block.\n# TYPE assay_height gauge\n");
        text.Append(CultureInfo.InvariantCulture, $"assay_height {height}\n");
        text.Append("# HELP assay_follow_up_blocks_total Blocks produced early because the previous block left a task step due at the next block's start.\n# TYPE assay_follow_up_blocks_total counter\n");
        text.Append(CultureInfo.InvariantCulture, $"assay_follow_up_blocks_total {Interlocked.Read(ref _followUps)}\n");
        text.Append("# HELP assay_transactions_total Transactions settled by this process, by outcome.\n# TYPE assay_transactions_total counter\n");
        foreach (var outcome in new[] { "applied", "rejected", "dropped" })
        {
            text.Append(CultureInfo.InvariantCulture, $"assay_transactions_total{{outcome=\"{outcome}\"}} {_transactions.GetValueOrDefault(outcome)}\n");
        }

        text.Append("# HELP assay_mempool_depth Transactions waiting for a block.\n# TYPE assay_mempool_depth gauge\n");
        text.Append(CultureInfo.InvariantCulture, $"assay_mempool_depth {mempoolDepth}\n");
        text.Append("# HELP assay_tasks Tasks in the ledger, by phase.\n# TYPE assay_tasks gauge\n");
        foreach (var (phase, count) in tasksByPhase.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"assay_tasks{{phase=\"{phase}\"}} {count}\n");
        }

        text.Append("# HELP assay_slashes_total Node faults that cost stake, seen by this process.\n# TYPE assay_slashes_total counter\n");
        text.Append(CultureInfo.InvariantCulture, $"assay_slashes_total {Interlocked.Read(ref _slashes)}\n");
        text.Append("# HELP assay_block_apply_seconds Time to apply a block and store it durably.\n# TYPE assay_block_apply_seconds histogram\n");
        BlockApply.Write(text, "assay_block_apply_seconds", string.Empty);
        text.Append("# HELP assay_http_request_seconds HTTP request latency by route.\n# TYPE assay_http_request_seconds histogram\n");
        foreach (var (route, histogram) in _http.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            histogram.Write(text, "assay_http_request_seconds", $"route=\"{Escape(route)}\"");
        }

        return text.ToString();
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
