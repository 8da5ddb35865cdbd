using Assay.Ledger.State;
using Assay.Proofs.Hashing;

namespace Assay.Ledger.Protocol;

/// <summary>The deadline index: open tasks by the next block height and the block time at which their block duty can change them, plus the tasks waiting for an eligible node.</summary>
/// <remarks>
/// Derived from the task records, never hashed, rebuilt by a full scan whenever a ledger is created or resumed. A task
/// appears at most once in each set; <see cref="Set"/> replaces its entries. Heights are "due at the start of this
/// block"; times are "due at the first block whose timestamp is above this" (a task expires when the block time passes
/// its deadline).
/// </remarks>
internal sealed class TaskSchedule
{
    private readonly SortedSet<(ulong Height, Hash256 Id)> _byHeight = new(HeightOrder.Instance);
    private readonly SortedSet<(long TimeMs, Hash256 Id)> _byTime = new(TimeOrder.Instance);
    private readonly SortedSet<Hash256> _waiting = new(ByteOrder.Instance);
    private readonly Dictionary<Hash256, (ulong? Height, long? TimeMs)> _entries = [];

    /// <summary>Tasks short of live assignments that could still draw nodes, ascending id.</summary>
    public SortedSet<Hash256> Waiting => _waiting;

    /// <summary>Number of tasks with an entry.</summary>
    public int Count => _entries.Count;

    /// <summary>Replaces the entries of <paramref name="id"/>.</summary>
    public void Set(Hash256 id, ulong? dueHeight, long? dueAfterMs, bool waiting)
    {
        Remove(id);
        if (dueHeight is { } h)
        {
            _byHeight.Add((h, id));
        }

        if (dueAfterMs is { } t)
        {
            _byTime.Add((t, id));
        }

        if (waiting)
        {
            _waiting.Add(id);
        }

        _entries[id] = (dueHeight, dueAfterMs);
    }

    /// <summary>Forgets <paramref name="id"/> (a final or expired task).</summary>
    public void Remove(Hash256 id)
    {
        if (_entries.Remove(id, out var old))
        {
            if (old.Height is { } h)
            {
                _byHeight.Remove((h, id));
            }

            if (old.TimeMs is { } t)
            {
                _byTime.Remove((t, id));
            }
        }

        _waiting.Remove(id);
    }

    /// <summary>Adds to <paramref name="into"/> every task due at <paramref name="height"/> or earlier, or whose time is below <paramref name="timestampUnixMs"/>.</summary>
    /// <remarks>Reads only the due prefix of each ordered set, so a block with nothing due costs O(1) in the number of tasks.</remarks>
    public void CollectDue(ulong height, long timestampUnixMs, SortedSet<Hash256> into)
    {
        foreach (var (h, id) in _byHeight)
        {
            if (h > height)
            {
                break;
            }

            into.Add(id);
        }

        foreach (var (t, id) in _byTime)
        {
            if (t >= timestampUnixMs)
            {
                break;
            }

            into.Add(id);
        }
    }

    private sealed class HeightOrder : IComparer<(ulong Height, Hash256 Id)>
    {
        public static HeightOrder Instance { get; } = new();

        public int Compare((ulong Height, Hash256 Id) x, (ulong Height, Hash256 Id) y) =>
            x.Height != y.Height ? x.Height.CompareTo(y.Height) : ByteOrder.Instance.Compare(x.Id, y.Id);
    }

    private sealed class TimeOrder : IComparer<(long TimeMs, Hash256 Id)>
    {
        public static TimeOrder Instance { get; } = new();

        public int Compare((long TimeMs, Hash256 Id) x, (long TimeMs, Hash256 Id) y) =>
            x.TimeMs != y.TimeMs ? x.TimeMs.CompareTo(y.TimeMs) : ByteOrder.Instance.Compare(x.Id, y.Id);
    }
}
