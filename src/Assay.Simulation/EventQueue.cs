using Assay.Ledger.Transactions;

namespace Assay.Simulation;

/// <summary>The simulated clock: a priority queue of events by (time, scheduling order); the clock jumps to each event.</summary>
internal sealed class EventQueue
{
    private readonly PriorityQueue<SimEvent, (long, long)> _queue = new();
    private long _sequence;

    /// <summary>The time of the event being processed.</summary>
    public long NowMs { get; private set; }

    public int Count => _queue.Count;

    public void Schedule(long timeMs, SimEventKind kind, int actor = -1, SignedTransaction? transaction = null)
    {
        var e = new SimEvent(Math.Max(timeMs, NowMs), _sequence++, kind, actor, transaction);
        _queue.Enqueue(e, (e.TimeMs, e.Sequence));
    }

    public bool TryNext(out SimEvent next)
    {
        if (!_queue.TryDequeue(out next, out _))
        {
            return false;
        }

        NowMs = next.TimeMs;
        return true;
    }
}
