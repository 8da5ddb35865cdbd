using System.Collections.Concurrent;
using Assay.Client;
using Assay.Ledger.Views;

namespace Assay.Cli.Devnet;

/// <summary>Follows the sequencer's event stream and counts what the devnet view shows: blocks, task phases, challenges, dispute outcomes and slashes.</summary>
public sealed class DevnetMonitor
{
    private readonly ConcurrentDictionary<string, int> _slashesByNode = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(long, string, string), bool> _seen = new();
    private readonly ConcurrentDictionary<string, int> _disputeOutcomes = new(StringComparer.Ordinal);
    private long _height;
    private int _submitted;
    private int _agreed;
    private int _final;
    private int _expired;
    private int _challenges;
    private int _slashes;
    private long _slashedAmount;

    /// <summary>The last block seen.</summary>
    public long Height => Interlocked.Read(ref _height);

    /// <summary>Tasks that appeared on the ledger.</summary>
    public int Submitted => _submitted;

    /// <summary>Tasks that reached agreement (counted once per agreement).</summary>
    public int Agreed => _agreed;

    /// <summary>Tasks finalised.</summary>
    public int Final => _final;

    /// <summary>Tasks expired.</summary>
    public int Expired => _expired;

    /// <summary>Challenge transactions the ledger applied.</summary>
    public int Challenges => _challenges;

    /// <summary>Ended disputes by outcome (<c>challenger_won</c>, <c>defender_won</c>, <c>both_wrong</c>, <c>moot</c>); a timeout adds <c>" (timeout)"</c>.</summary>
    public IReadOnlyDictionary<string, int> DisputeOutcomes => _disputeOutcomes;

    /// <summary>The dispute outcomes as one phrase, e.g. "2 challenger_won, 1 defender_won (timeout)", or "none".</summary>
    public string DisputeSummary => _disputeOutcomes.IsEmpty
        ? "none"
        : string.Join(", ", _disputeOutcomes.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Value} {kv.Key}"));

    /// <summary>Slash events.</summary>
    public int Slashes => _slashes;

    /// <summary>Stake lost in all slashes, native minor units.</summary>
    public long SlashedAmount => Interlocked.Read(ref _slashedAmount);

    /// <summary>Slash events per node address.</summary>
    public IReadOnlyDictionary<string, int> SlashesByNode => _slashesByNode;

    /// <summary>Counts events from block 0 until cancelled, reconnecting after a network error (a reconnect resumes after the last block seen).</summary>
    public async Task RunAsync(AssayClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        long resumeAfter = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await foreach (var e in client.StreamEventsAsync(resumeAfter, ct).ConfigureAwait(false))
                {
                    if (e.Type == NetworkEvent.BlockType)
                    {
                        // Events of a block come after its block event; resume after the last block whose events all arrived.
                        resumeAfter = Math.Max(resumeAfter, e.Height - 1);
                    }

                    Count(e);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or AssayApiException or OperationCanceledException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private void Count(NetworkEvent e)
    {
        // After a reconnect the events of one block may arrive twice; count each (height, type, identity) once.
        var identity = e.Task is { } t ? t.TaskId + t.Phase
            : e.Tx?.Hash ?? (e.Slash is { } s ? s.Node + s.TaskId + s.Reason : e.Dispute is { } d ? d.DisputeId + d.Status + d.Step : string.Empty);
        if (e.Type != NetworkEvent.BlockType && !_seen.TryAdd((e.Height, e.Type, identity), true))
        {
            return;
        }

        switch (e.Type)
        {
            case NetworkEvent.BlockType:
                InterlockedMax(ref _height, e.Height);
                break;
            case NetworkEvent.TaskType when e.Task is { } task:
                switch (task.Phase)
                {
                    case "agreed":
                        Interlocked.Increment(ref _agreed);
                        break;
                    case "final":
                        Interlocked.Increment(ref _final);
                        break;
                    case "expired":
                        Interlocked.Increment(ref _expired);
                        break;
                }

                if (task.PreviousPhase == "none")
                {
                    Interlocked.Increment(ref _submitted);
                }

                break;
            case NetworkEvent.TxType when e.Tx is { Kind: "Challenge", Outcome: TransactionReceipt.Applied }:
                Interlocked.Increment(ref _challenges);
                break;
            case NetworkEvent.DisputeType when e.Dispute is { Status: not DisputeView.OpenStatus, PreviousStatus: DisputeView.OpenStatus or "none" } dispute:
                _disputeOutcomes.AddOrUpdate(dispute.Status + (dispute.TimedOut ? " (timeout)" : string.Empty), 1, (_, n) => n + 1);
                break;
            case NetworkEvent.SlashType when e.Slash is { } slash:
                Interlocked.Increment(ref _slashes);
                Interlocked.Add(ref _slashedAmount, (long)slash.Amount);
                _slashesByNode.AddOrUpdate(slash.Node, 1, (_, n) => n + 1);
                break;
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
