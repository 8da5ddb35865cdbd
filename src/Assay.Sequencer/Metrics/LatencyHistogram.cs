using System.Globalization;
using System.Text;

namespace Assay.Sequencer.Metrics;

/// <summary>A Prometheus histogram of durations in seconds with fixed bucket bounds.</summary>
/// <remarks>Thread-safe: counts are updated with interlocked adds, the sum under a lock.</remarks>
internal sealed class LatencyHistogram
{
    /// <summary>Bucket upper bounds (seconds): 0.5 ms … 10 s.</summary>
    public static readonly double[] Bounds = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly long[] _counts = new long[Bounds.Length + 1];
    private readonly Lock _lock = new();
    private double _sum;
    private long _count;

    public void Observe(double seconds)
    {
        var i = 0;
        while (i < Bounds.Length && seconds > Bounds[i])
        {
            i++;
        }

        Interlocked.Increment(ref _counts[i]);
        lock (_lock)
        {
            _sum += seconds;
            _count++;
        }
    }

    /// <summary>Writes the <c>_bucket</c>, <c>_sum</c> and <c>_count</c> lines of the series <paramref name="name"/>{<paramref name="labels"/>}.</summary>
    public void Write(StringBuilder text, string name, string labels)
    {
        var prefix = labels.Length == 0 ? string.Empty : labels + ",";
        var cumulative = 0L;
        for (var i = 0; i < Bounds.Length; i++)
        {
            cumulative += Interlocked.Read(ref _counts[i]);
            text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{prefix}le=\"{Bounds[i].ToString("R", CultureInfo.InvariantCulture)}\"}} {cumulative}\n");
        }

        cumulative += Interlocked.Read(ref _counts[Bounds.Length]);
        text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{prefix}le=\"+Inf\"}} {cumulative}\n");
        double sum;
        long count;
        lock (_lock)
        {
            sum = _sum;
            count = _count;
        }

        var braces = labels.Length == 0 ? string.Empty : "{" + labels + "}";
        text.Append(CultureInfo.InvariantCulture, $"{name}_sum{braces} {sum.ToString("R", CultureInfo.InvariantCulture)}\n");
        text.Append(CultureInfo.InvariantCulture, $"{name}_count{braces} {Math.Max(count, cumulative)}\n");
    }
}
