using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Sequencer.Admission;

/// <summary>The bounded queue of transactions waiting for a block, keyed by hash and by (sender, nonce).</summary>
/// <remarks>
/// Thread-safe (one lock). A block takes, per sender, the transactions whose nonces run on from the account's nonce
/// without a gap; later ones wait, and one that has waited longer than the gap timeout is dropped. Within a block the
/// senders' transactions keep their arrival order, except that each sender's own transactions are placed in nonce order.
/// Taken transactions stay findable by hash ("in flight") until their block is stored, so a re-sent copy waits for the
/// same receipt.
/// </remarks>
internal sealed class Mempool(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Hash256, MempoolEntry> _byHash = [];
    private readonly Dictionary<Address, SortedDictionary<ulong, MempoolEntry>> _bySender = [];
    private readonly SemaphoreSlim _signal = new(0, 1);
    private long _sequence;
    private int _pending;

    public int Capacity { get; } = capacity;

    /// <summary>Transactions waiting (not yet taken into a block).</summary>
    public int Count => Volatile.Read(ref _pending);

    /// <summary>Admits <paramref name="tx"/>, or says why not; <paramref name="entry"/> is the new entry, or the queued one for <see cref="AdmissionStatus.Known"/> and <see cref="AdmissionStatus.NonceTaken"/>.</summary>
    public AdmissionStatus TryAdd(Ledger.Transactions.SignedTransaction tx, long nowUnixMs, out MempoolEntry entry)
    {
        lock (_lock)
        {
            if (_byHash.TryGetValue(tx.Hash, out var known))
            {
                entry = known;
                return AdmissionStatus.Known;
            }

            if (_bySender.TryGetValue(tx.Sender, out var chain) && chain.TryGetValue(tx.Nonce, out var taken))
            {
                entry = taken;
                return AdmissionStatus.NonceTaken;
            }

            entry = new MempoolEntry(tx, ++_sequence, nowUnixMs);
            if (_pending >= Capacity)
            {
                return AdmissionStatus.Full;
            }

            if (chain is null)
            {
                chain = [];
                _bySender[tx.Sender] = chain;
            }

            chain[tx.Nonce] = entry;
            _byHash[entry.Hash] = entry;
            _pending++;
        }

        Wake();
        return AdmissionStatus.Added;
    }

    /// <summary>Wakes the block producer (at most one pending wake-up is kept).</summary>
    public void Wake()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Another thread released first; one wake-up is enough.
        }
    }

    /// <summary>Waits for a wake-up or the timeout.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    /// <summary>The entry with <paramref name="hash"/>, waiting or in flight, or null.</summary>
    public MempoolEntry? Find(Hash256 hash)
    {
        lock (_lock)
        {
            return _byHash.GetValueOrDefault(hash);
        }
    }

    /// <summary>Takes up to <paramref name="max"/> ready transactions for a block; entries whose nonce gap outlived <paramref name="gapTimeoutMs"/> are removed into <paramref name="dropped"/>.</summary>
    public List<MempoolEntry> Take(Func<Address, ulong> accountNonce, int max, long nowUnixMs, long gapTimeoutMs, List<MempoolEntry> dropped)
    {
        var selected = new List<MempoolEntry>();
        lock (_lock)
        {
            var emptied = new List<Address>();
            foreach (var (sender, chain) in _bySender)
            {
                var next = accountNonce(sender);
                var gap = false;
                foreach (var (nonce, entry) in chain)
                {
                    if (!gap && nonce <= next)
                    {
                        // Below the account nonce (stale) goes in too: the ledger rejects it with a receipt.
                        selected.Add(entry);
                        next = nonce == next ? next + 1 : next;
                    }
                    else
                    {
                        gap = true;
                        if (nowUnixMs - entry.ArrivedUnixMs > gapTimeoutMs)
                        {
                            dropped.Add(entry);
                        }
                    }
                }
            }

            // Keep arrival order across senders, nonce order within a sender, then cut to the block size.
            selected.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
            var slots = new Dictionary<Address, Queue<MempoolEntry>>();
            foreach (var group in selected.GroupBy(e => e.Transaction.Sender))
            {
                slots[group.Key] = new Queue<MempoolEntry>(group.OrderBy(e => e.Transaction.Nonce));
            }

            var ordered = new List<MempoolEntry>(Math.Min(max, selected.Count));
            foreach (var slot in selected)
            {
                if (ordered.Count == max)
                {
                    break;
                }

                ordered.Add(slots[slot.Transaction.Sender].Dequeue());
            }

            foreach (var entry in ordered.Concat(dropped))
            {
                var chain = _bySender[entry.Transaction.Sender];
                chain.Remove(entry.Transaction.Nonce);
                if (chain.Count == 0)
                {
                    emptied.Add(entry.Transaction.Sender);
                }

                _pending--;
            }

            foreach (var entry in dropped)
            {
                _byHash.Remove(entry.Hash);
            }

            foreach (var sender in emptied)
            {
                if (_bySender.TryGetValue(sender, out var chain) && chain.Count == 0)
                {
                    _bySender.Remove(sender);
                }
            }

            return ordered;
        }
    }

    /// <summary>Forgets in-flight entries once their receipts are settled.</summary>
    public void Settle(IEnumerable<MempoolEntry> entries)
    {
        lock (_lock)
        {
            foreach (var entry in entries)
            {
                _byHash.Remove(entry.Hash);
            }
        }
    }

    /// <summary>Removes every waiting entry (the sequencer is stopping or faulted) and returns them.</summary>
    public List<MempoolEntry> Drain()
    {
        lock (_lock)
        {
            var all = _byHash.Values.ToList();
            _byHash.Clear();
            _bySender.Clear();
            _pending = 0;
            return all;
        }
    }
}
