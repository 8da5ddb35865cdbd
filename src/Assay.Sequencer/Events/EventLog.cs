using Assay.Ledger.Views;

namespace Assay.Sequencer.Events;

/// <summary>The events of recent blocks, by height, and a wake-up for live subscribers.</summary>
/// <remarks>
/// Appended by the block producer only, read by any number of streams. Holds at most <c>capacity</c> blocks; older
/// heights are served from the store (block and tx events only). Thread-safe.
/// </remarks>
internal sealed class EventLog(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Queue<(long Height, NetworkEvent[] Events)> _blocks = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _head = -1;

    /// <summary>Highest height appended, or −1.</summary>
    public long Head => Volatile.Read(ref _head);

    /// <summary>Lowest height still held, or −1 when empty.</summary>
    public long First
    {
        get
        {
            lock (_lock)
            {
                return _blocks.Count == 0 ? -1 : _blocks.Peek().Height;
            }
        }
    }

    /// <summary>Sets the head without events (the blocks below it are not held).</summary>
    public void Reset(long head)
    {
        lock (_lock)
        {
            _blocks.Clear();
            _head = head;
        }
    }

    /// <summary>Appends the events of the block at <paramref name="height"/> (which must be the next height) and wakes the streams.</summary>
    public void Append(long height, NetworkEvent[] events)
    {
        TaskCompletionSource wake;
        lock (_lock)
        {
            if (_head >= 0 && height != _head + 1)
            {
                throw new InvalidOperationException($"Event log expects height {_head + 1}, got {height}.");
            }

            _blocks.Enqueue((height, events));
            while (_blocks.Count > capacity)
            {
                _blocks.Dequeue();
            }

            Volatile.Write(ref _head, height);
            wake = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        wake.SetResult();
    }

    /// <summary>The held blocks with heights in (<paramref name="after"/>, <paramref name="after"/> + <paramref name="max"/>].</summary>
    public List<(long Height, NetworkEvent[] Events)> ReadAfter(long after, int max)
    {
        lock (_lock)
        {
            var result = new List<(long, NetworkEvent[])>();
            foreach (var block in _blocks)
            {
                if (block.Height > after)
                {
                    result.Add(block);
                    if (result.Count == max)
                    {
                        break;
                    }
                }
            }

            return result;
        }
    }

    /// <summary>A task completed when the next block is appended.</summary>
    public Task NextAsync()
    {
        lock (_lock)
        {
            return _next.Task;
        }
    }
}
