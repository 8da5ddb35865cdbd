using System.Collections.Concurrent;
using Assay.Compute.Tasks;
using Assay.Ledger.Disputes;
using Assay.Ledger.Protocol;
using Assay.Ledger.Transactions;
using Assay.Node.Disputes;
using Assay.Proofs.Hashing;

namespace Assay.Node;

/// <summary>Watcher mode: recompute agreed results the node did not compute and challenge a wrong one with a bond.</summary>
/// <remarks>After the challenge the watcher plays the bisection with its recomputed tree (<c>NodeWorker.Disputes.cs</c>);
/// its recomputed tree is kept for that.</remarks>
public sealed partial class NodeWorker
{
    private readonly ConcurrentDictionary<Hash256, bool> _watched = new();

    private void ScheduleWatch(Hash256 id)
    {
        if (!_watched.TryAdd(id, true))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await WatchAsync(id, _stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // Stopping.
            }
            catch (Exception e) when (e is HttpRequestException or IOException or Client.AssayApiException or TaskSpecException or OperationCanceledException)
            {
                Log($"watch {id}: {e.GetType().Name}: {e.Message}");
            }
        });
    }

    private async Task WatchAsync(Hash256 id, CancellationToken ct)
    {
        var view = await _client.GetTaskAsync(id, ct).ConfigureAwait(false);
        var spec = await _client.GetSpecAsync(id, ct).ConfigureAwait(false);
        if (view is null || spec is null || view.Phase != "agreed" || TaskRules.IsToleranceTask(spec))
        {
            return;
        }

        var honest = await Task.Run(() => TaskRunner.Run(spec, Address.ToArray(), maxDegreeOfParallelism: _options.Cores), ct).ConfigureAwait(false);
        var digest = honest.Result.Root.Digest();
        if (digest.ToString() == view.AgreedRoot)
        {
            Log($"watch {id}: the agreed root is correct");
            return;
        }

        var agreeing = view.Assignments.FirstOrDefault(a => a.RevealedRoot == view.AgreedRoot && a.RevealTx is not null);
        var reveal = agreeing is null ? null : await RevealOfAsync(agreeing, ct).ConfigureAwait(false);
        if (reveal is null)
        {
            Log($"watch {id}: the agreed root {view.AgreedRoot} is wrong (ours {digest}) but no agreeing reveal could be fetched");
            return;
        }

        var bond = Math.Max(1UL, spec.Policy.BondMinorUnits);
        Log($"watch {id}: the agreed root is wrong (agreed {view.AgreedRoot}, recomputed {digest}); challenging with bond {bond}");
        var receipt = await SendAsync(new ChallengeBody(id, bond, reveal.Result.Root, honest.Result.Root), ct).ConfigureAwait(false);
        Log($"watch {id}: challenge {receipt.Outcome}{(receipt.IsApplied ? $" at height {receipt.Height}" : $": {receipt.Reason}: {receipt.Message}")}");
        if (receipt.IsApplied)
        {
            var disputeId = DisputeRules.DisputeId(id, Address, (ulong)receipt.Height);
            Log($"watch {id}: dispute {disputeId} opened; playing our recomputed tree");
            _disputeTrees.TryAdd((id, DisputeParty.Challenger), DisputeTree.Build(honest.Tree));
            TrackDispute(disputeId);
        }
    }
}
