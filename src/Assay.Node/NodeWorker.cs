using System.Collections.Concurrent;
using Assay.Client;
using Assay.Compute.Tasks;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Ledger.Views;
using Assay.Node.Persistence;
using Assay.Node.Work;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Node;

/// <summary>The node daemon's loop: registers, follows the sequencer's event stream, computes its assignments, commits, reveals, defends its results in disputes, and (as a watcher) challenges wrong agreed results and plays the bisection.</summary>
/// <remarks>
/// Every assignment is handled by one idempotent step (<c>ProcessAsync</c>) that reads the task from the sequencer and does
/// what its status asks, so a replayed event, a missed event or a restart all converge. The salt of each assignment is
/// written to <c>node-state.json</c> before the commitment is sent; the tree is recomputed when the process restarted.
/// </remarks>
public sealed partial class NodeWorker
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(1_000);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan SaveInterval = TimeSpan.FromMilliseconds(500);

    private readonly NodeOptions _options;
    private readonly SigningKey _key;
    private readonly AssayClient _client;
    private readonly TransactionSender _sender;
    private readonly TextWriter _log;
    private readonly string _prefix;
    private readonly object _stateLock = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<Hash256, TaskWork> _works = new();
    private readonly ConcurrentDictionary<Hash256, bool> _dirty = new();
    private readonly ConcurrentDictionary<Hash256, bool> _running = new();
    private NodeState _state;
    private long _height;
    private DateTime _lastSave = DateTime.MinValue;
    private bool _stateChanged;
    private CancellationToken _stopping;

    /// <summary>Creates a worker for <paramref name="key"/> talking to the sequencer through <paramref name="client"/>; log lines go to <paramref name="log"/>.</summary>
    public NodeWorker(NodeOptions options, SigningKey key, AssayClient client, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(log);
        _options = options;
        _key = key;
        _client = client;
        _sender = new TransactionSender(client, key);
        _log = TextWriter.Synchronized(log);
        _prefix = NodeFaults.LogPrefix(options.Fault);
        _state = NodeState.Empty(key.Address.ToString());
    }

    /// <summary>The node's address.</summary>
    public Address Address => _key.Address;

    /// <summary>The state as last changed in memory (what the next save writes).</summary>
    public NodeState State
    {
        get
        {
            lock (_stateLock)
            {
                return _state;
            }
        }
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled: load state, register when needed, resume pending work, follow events.</summary>
    /// <exception cref="NodeStateException">The state file cannot be read or written.</exception>
    /// <exception cref="InvalidOperationException">Registration was rejected by the ledger (e.g. insufficient balance).</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _stopping = cancellationToken;
        Directory.CreateDirectory(_options.DataDirectory);
        lock (_stateLock)
        {
            _state = NodeStateFile.Load(_options.DataDirectory, Address.ToString());
        }

        Log($"node {Address} starting: sequencer {_options.SequencerUrl}, data {_options.DataDirectory}, cores {_options.Cores}, kinds {string.Join(',', _options.Kinds)}"
            + $"{(_options.Watcher ? ", watcher" : string.Empty)}, from height {_state.LastHeight}");
        await EnsureRegisteredAsync(cancellationToken).ConfigureAwait(false);
        foreach (var task in _state.Tasks.Values.Where(t => t.Status != PendingTaskStatus.Done))
        {
            Log($"resuming task {task.TaskId} ({task.Status.ToString().ToLowerInvariant()})");
            Schedule(Hash256.Parse(task.TaskId));
        }

        _ = ResumeDisputesAsync(cancellationToken);
        using var poller = PollAsync(cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var e in _client.StreamEventsAsync(State.LastHeight, cancellationToken).ConfigureAwait(false))
                {
                    Handle(e);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or AssayApiException or OperationCanceledException)
            {
                Log($"event stream interrupted ({e.GetType().Name}: {e.Message}); reconnecting");
            }

            await Delay(RetryDelay, cancellationToken).ConfigureAwait(false);
        }

        SaveState(force: true);
        Log("stopped");
    }

    private async Task EnsureRegisteredAsync(CancellationToken ct)
    {
        while (true)
        {
            try
            {
                var node = await _client.GetNodeAsync(Address, ct).ConfigureAwait(false);
                if (node is not null)
                {
                    Log($"registered: stake {node.Stake}, status {node.Status}, reputation {node.Reputation}");
                    return;
                }

                var caps = NodeCapabilities.TryCreate(_options.Kinds, (uint)Math.Max(1, _options.Cores), _options.MemoryMiB, out var error)
                    ?? throw new InvalidOperationException($"--kinds: {error}");
                var receipt = await SendAsync(new RegisterNodeBody(_options.StakeMinorUnits, caps), ct).ConfigureAwait(false);
                if (!receipt.IsApplied && receipt.Reason != nameof(RejectionReason.AlreadyRegistered))
                {
                    throw new InvalidOperationException($"registration rejected: {receipt.Reason}: {receipt.Message}");
                }

                Log($"registration sent: stake {_options.StakeMinorUnits}, kinds {string.Join(',', caps.Names)}, cores {caps.Cores}, memory {caps.MemoryMiB} MiB: {receipt.Outcome} at height {receipt.Height}");
            }
            catch (Exception e) when (e is HttpRequestException or AssayApiException && !ct.IsCancellationRequested)
            {
                Log($"sequencer not ready ({e.Message}); retrying");
                await Task.Delay(RetryDelay, ct).ConfigureAwait(false);
            }
        }
    }

    private void Handle(NetworkEvent e)
    {
        switch (e.Type)
        {
            case NetworkEvent.BlockType:
                Interlocked.Exchange(ref _height, e.Height);
                lock (_stateLock)
                {
                    // The block event comes first in a block, so every event of the blocks below it has been handled.
                    if (e.Height - 1 > _state.LastHeight)
                    {
                        _state = _state with { LastHeight = e.Height - 1 };
                        _stateChanged = true;
                    }
                }

                SaveState(force: false);
                break;
            case NetworkEvent.AssignmentType when e.Assignment is { } a && a.Node == Address.ToString():
                {
                    var id = Hash256.Parse(a.TaskId);
                    Track(id, e.Height);
                    Schedule(id);
                    break;
                }

            case NetworkEvent.TaskType when e.Task is { } t:
                {
                    var id = Hash256.Parse(t.TaskId);
                    if (IsTracked(id))
                    {
                        Schedule(id);
                    }
                    else if (_options.Watcher && t.Phase == "agreed")
                    {
                        ScheduleWatch(id);
                    }

                    break;
                }

            case NetworkEvent.DisputeType when e.Dispute is { } d:
                {
                    var id = Hash256.Parse(d.DisputeId);
                    if (d.Challenger == Address.ToString() || IsTracked(Hash256.Parse(d.TaskId)) || _disputes.ContainsKey(id))
                    {
                        TrackDispute(id);
                    }

                    break;
                }

            case NetworkEvent.SlashType when e.Slash is { } s && s.Node == Address.ToString():
                Log($"slashed {s.Amount} ({s.Reason}) on task {s.TaskId}");
                break;
        }
    }

    private bool IsTracked(Hash256 id)
    {
        lock (_stateLock)
        {
            return _state.Tasks.TryGetValue(id.ToString(), out var t) && t.Status != PendingTaskStatus.Done;
        }
    }

    /// <summary>Records a new assignment with a fresh salt and saves the state before anything is sent.</summary>
    private void Track(Hash256 id, long height)
    {
        lock (_stateLock)
        {
            if (_state.Tasks.ContainsKey(id.ToString()))
            {
                return;
            }

            _state = _state.With(new PendingTask(id.ToString(), TaskWork.NewSalt().ToString(), string.Empty, PendingTaskStatus.Assigned, height));
            _stateChanged = true;
        }

        Log($"assigned task {id} at height {height}");
        SaveState(force: true);
    }

    private void Update(PendingTask task)
    {
        lock (_stateLock)
        {
            _state = _state.With(task);
            _stateChanged = true;
        }

        SaveState(force: true);
    }

    private PendingTask? Pending(Hash256 id)
    {
        lock (_stateLock)
        {
            return _state.Tasks.GetValueOrDefault(id.ToString());
        }
    }

    private void SaveState(bool force)
    {
        lock (_stateLock)
        {
            if (!_stateChanged || (!force && DateTime.UtcNow - _lastSave < SaveInterval))
            {
                return;
            }

            NodeStateFile.Save(_options.DataDirectory, _state);
            _stateChanged = false;
            _lastSave = DateTime.UtcNow;
        }
    }

    /// <summary>Runs <c>ProcessAsync</c> for <paramref name="id"/> on the thread pool, at most once at a time per task, again if asked meanwhile.</summary>
    private void Schedule(Hash256 id)
    {
        _dirty[id] = true;
        if (!_running.TryAdd(id, true))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            while (true)
            {
                while (_dirty.TryRemove(id, out _))
                {
                    try
                    {
                        await ProcessAsync(id, _stopping).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
                    {
                        return;
                    }
                    catch (Exception e) when (e is HttpRequestException or IOException or AssayApiException or TaskSpecException or NodeStateException or OperationCanceledException)
                    {
                        Log($"task {id}: {e.GetType().Name}: {e.Message} (will retry)");
                    }
                }

                _running.TryRemove(id, out _);

                // A Schedule that ran between the last TryRemove and here found the task running; take the work over.
                if (!_dirty.ContainsKey(id) || !_running.TryAdd(id, true))
                {
                    return;
                }
            }
        });
    }

    /// <summary>Re-examines every unfinished assignment every second: the safety net for a missed event or a failed send.</summary>
    private async Task PollAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await Delay(PollInterval, ct).ConfigureAwait(false);
            List<string> open;
            lock (_stateLock)
            {
                open = [.. _state.Tasks.Values.Where(t => t.Status != PendingTaskStatus.Done).Select(t => t.TaskId)];
            }

            foreach (var id in open)
            {
                Schedule(Hash256.Parse(id));
            }

            foreach (var id in _disputes.Keys)
            {
                ScheduleDispute(id);
            }

            SaveState(force: false);
        }
    }

    private async Task<TransactionReceipt> SendAsync(TransactionBody body, CancellationToken ct)
    {
        await _sendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await _sender.SendAsync(body, ct).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private static async Task Delay(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the caller's loop checks the token.
        }
    }

    private void Log(string message) => _log.WriteLine($"{_prefix}{DateTime.UtcNow:HH:mm:ss.fff} {message}");
}
