using System.Diagnostics.CodeAnalysis;

namespace Assay.Ledger.State;

/// <summary>One namespace of the state: a map with a per-transaction undo journal and a per-block set of changed keys.</summary>
/// <remarks>Writes go straight to the map and log the previous value; <see cref="Rollback"/> restores them in reverse
/// order, <see cref="Commit"/> keeps them and remembers the keys for the block's state-root update.</remarks>
internal sealed class StateTable<TKey, TValue>
    where TKey : notnull
    where TValue : class
{
    private readonly Dictionary<TKey, TValue> _items = [];
    private readonly List<(TKey Key, TValue? Old)> _undo = [];
    private readonly HashSet<TKey> _changed = [];

    public int Count => _items.Count;

    public IEnumerable<KeyValuePair<TKey, TValue>> Items => _items;

    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value) => _items.TryGetValue(key, out value);

    public TValue? Get(TKey key) => _items.TryGetValue(key, out var value) ? value : null;

    public void Set(TKey key, TValue value)
    {
        _items.TryGetValue(key, out var old);
        _undo.Add((key, old));
        _items[key] = value;
    }

    /// <summary>Keeps the transaction's writes; calls <paramref name="touched"/> once per written key.</summary>
    public void Commit(Action<TKey, TValue>? touched)
    {
        foreach (var (key, _) in _undo)
        {
            if (_changed.Add(key) || touched is not null)
            {
                touched?.Invoke(key, _items[key]);
            }
        }

        _undo.Clear();
    }

    /// <summary>Restores every value written since the last commit.</summary>
    public void Rollback()
    {
        for (var i = _undo.Count - 1; i >= 0; i--)
        {
            var (key, old) = _undo[i];
            if (old is null)
            {
                _items.Remove(key);
            }
            else
            {
                _items[key] = old;
            }
        }

        _undo.Clear();
    }

    public bool HasPendingWrites => _undo.Count > 0;

    /// <summary>The keys changed since the last call (committed writes only), then forgets them.</summary>
    public List<TKey> TakeChanged()
    {
        var keys = new List<TKey>(_changed);
        _changed.Clear();
        return keys;
    }
}
