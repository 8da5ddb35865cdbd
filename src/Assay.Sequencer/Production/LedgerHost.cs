using Assay.Ledger.Blocks;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Ledger.Views;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;
using Assay.Sequencer.Admission;
using Assay.Sequencer.Events;
using Assay.Sequencer.Metrics;
using Assay.Storage;
using Assay.Storage.Chain;

namespace Assay.Sequencer.Production;

/// <summary>Owns the ledger chain: admits transactions, produces blocks on one loop, keeps the indexes and events the API reads.</summary>
/// <remarks>
/// Concurrency: one gate (<see cref="SemaphoreSlim"/>) guards the ledger, the transaction index and the per-task
/// transaction index. The block producer holds it from taking the batch until the block is durably stored and indexed,
/// so a reader under the gate never sees state that is not yet durable, and readers wait at most one block.
/// Status and health read <see cref="Head"/>, an immutable record published after each block, without the gate.
/// </remarks>
internal sealed partial class LedgerHost : IAsyncDisposable
{
    private readonly SequencerOptions _options;
    private readonly ILogger _log;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<Hash256, TransactionRecord> _transactions = [];
    private readonly Dictionary<(Hash256 Task, Address Node), (Hash256? Commit, Hash256? Reveal)> _taskTransactions = [];
    private readonly Dictionary<Hash256, TaskPhase> _taskPhases = [];
    private IBlockStore? _store;
    private LedgerChain? _chain;
    private volatile HeadInfo? _head;
    private volatile string? _faultDetail;
    private int _phase = (int)HostPhase.Starting;
    private volatile bool _followUpDue;
    private long _lastBlockTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();

    public LedgerHost(SequencerOptions options, ILogger<LedgerHost> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _log = log;
        Mempool = new Mempool(options.MempoolCapacity);
        Events = new EventLog(options.EventHistoryBlocks);
    }

    public SequencerOptions Options => _options;

    public Mempool Mempool { get; }

    public EventLog Events { get; }

    public SequencerMetrics Metrics { get; } = new();

    public HostPhase Phase => (HostPhase)Volatile.Read(ref _phase);

    public string? FaultDetail => _faultDetail;

    /// <summary>Time since the last block was stored (or since the host opened).</summary>
    public TimeSpan SinceLastBlock => System.Diagnostics.Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastBlockTimestamp));

    /// <summary>The head as of the last stored block, or null while starting.</summary>
    public HeadInfo? Head => _head;

    public IBlockStore Store => _store ?? throw new SequencerUnavailableException("the sequencer is starting.");

    /// <summary>Runs <paramref name="read"/> on the ledger under the gate (a consistent, durable view).</summary>
    public async Task<T> ReadAsync<T>(Func<SettlementLedger, T> read, CancellationToken ct)
    {
        var chain = _chain ?? throw new SequencerUnavailableException("the sequencer is starting.");
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return read(chain.Ledger);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The record of a settled transaction, or null.</summary>
    public async Task<TransactionRecord?> FindTransactionAsync(Hash256 hash, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return _transactions.GetValueOrDefault(hash);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The task view of <paramref name="taskId"/> with its commit and reveal transaction hashes, or null.</summary>
    public Task<TaskView?> GetTaskViewAsync(Hash256 taskId, CancellationToken ct) => ReadAsync(ledger =>
    {
        var task = ledger.State.GetTask(taskId);
        return task is null ? null : TaskView.From(task, ledger.State.GetSpec(taskId), node =>
        {
            var (commit, reveal) = _taskTransactions.GetValueOrDefault((taskId, node));
            return (commit?.ToString(), reveal?.ToString());
        });
    }, ct);

    /// <summary>Admits a verified transaction: its receipt to wait for, or a refusal (409 nonce, 429 full, 503 unavailable).</summary>
    public async Task<SubmitResult> SubmitAsync(SignedTransaction tx, CancellationToken ct)
    {
        if (Phase != HostPhase.Running)
        {
            return Unavailable();
        }

        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (Phase != HostPhase.Running)
            {
                return Unavailable();
            }

            if (_transactions.TryGetValue(tx.Hash, out var settled))
            {
                return SubmitResult.Waiting(Task.FromResult(settled.Receipt));
            }

            var accountNonce = _chain!.Ledger.State.GetAccount(tx.Sender)?.Nonce ?? 0;
            if (Mempool.Find(tx.Hash) is { } inFlight)
            {
                return SubmitResult.Waiting(inFlight.Receipt.Task);
            }

            if (tx.Nonce < accountNonce)
            {
                return SubmitResult.Refused(409, "Nonce already used", $"nonce {tx.Nonce} of {tx.Sender} is used; the account's next nonce is {accountNonce}.", nameof(RejectionReason.NonceReused));
            }

            switch (Mempool.TryAdd(tx, _options.ClockUnixMs(), out var entry))
            {
                case AdmissionStatus.Added:
                case AdmissionStatus.Known:
                    return SubmitResult.Waiting(entry.Receipt.Task);
                case AdmissionStatus.NonceTaken:
                    return SubmitResult.Refused(409, "Nonce already used", $"nonce {tx.Nonce} of {tx.Sender} is taken by pending transaction {entry.Hash}; the account's next nonce is {accountNonce}.", nameof(RejectionReason.NonceReused));
                default:
                    return SubmitResult.Refused(429, "Mempool full", $"the mempool holds its capacity of {Mempool.Capacity} transactions; retry after {_options.RetryAfterSeconds} s.");
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Marks the host as stopping: new transactions get 503 and waiting ones are released with 503.</summary>
    public void BeginStop()
    {
        if (Interlocked.CompareExchange(ref _phase, (int)HostPhase.Stopping, (int)HostPhase.Running) == (int)HostPhase.Running
            || Interlocked.CompareExchange(ref _phase, (int)HostPhase.Stopping, (int)HostPhase.Starting) == (int)HostPhase.Starting)
        {
            _log.LogInformation("sequencer stopping at height {Height}", _head?.Height ?? -1);
        }

        FailWaiting("the sequencer is stopping; the transaction was not acknowledged.");
    }

    public async ValueTask DisposeAsync()
    {
        BeginStop();
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _store?.Dispose();
            _store = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    private SubmitResult Unavailable() => SubmitResult.Refused(
        503, "Sequencer unavailable", Phase switch
        {
            HostPhase.Starting => "the sequencer is starting.",
            HostPhase.Faulted => $"the sequencer stopped producing blocks: {_faultDetail}",
            _ => "the sequencer is stopping.",
        });

    private void FailWaiting(string message)
    {
        foreach (var entry in Mempool.Drain())
        {
            entry.Receipt.TrySetException(new SequencerUnavailableException(message));
        }
    }
}
