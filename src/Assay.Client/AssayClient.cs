using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assay.Compute.Tasks;
using Assay.Ledger.Transactions;
using Assay.Ledger.Views;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.Client;

/// <summary>A typed client for every route of the sequencer's API (docs/network-api.md).</summary>
/// <remarks>
/// Errors: a problem-details answer becomes <see cref="AssayApiException"/>; a network failure stays an
/// <see cref="HttpRequestException"/>. Lookups of something that does not exist return null. Each call except the event
/// stream is bounded by <see cref="RequestTimeout"/>. Thread-safe.
/// </remarks>
public sealed partial class AssayClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>A client that owns an <see cref="HttpClient"/> for <paramref name="baseAddress"/>.</summary>
    public AssayClient(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        _ownsHttp = true;
    }

    /// <summary>A client on the caller's <see cref="HttpClient"/> (its <see cref="HttpClient.BaseAddress"/> must be the sequencer).</summary>
    public AssayClient(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
    }

    /// <summary>Longest time a call (other than the event stream) may take; default 60 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The sequencer's address.</summary>
    public Uri? BaseAddress => _http.BaseAddress;

    /// <summary>Submits a signed transaction and waits for its receipt (given once its block is durable).</summary>
    /// <exception cref="AssayApiException">400 (malformed, bad signature), 409 (nonce used), 413, 429 (mempool full, with <see cref="AssayApiException.RetryAfter"/>), 503.</exception>
    public async Task<TransactionReceipt> SubmitAsync(SignedTransaction tx, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var request = new SubmitTransactionRequest(Convert.ToHexStringLower(CanonicalEncoding.Encode(tx)));
        return (await SendAsync<TransactionReceipt>(HttpMethod.Post, "v1/transactions", JsonContent.Create(request, options: ApiJson.Options), false, ct).ConfigureAwait(false))!;
    }

    /// <summary>A transaction by hash (pending or stored), or null.</summary>
    public Task<TransactionView?> GetTransactionAsync(Hash256 hash, CancellationToken ct = default) =>
        SendAsync<TransactionView>(HttpMethod.Get, $"v1/transactions/{hash}", null, true, ct);

    /// <summary>The sequencer's status at its head.</summary>
    public async Task<StatusView> GetStatusAsync(CancellationToken ct = default) =>
        (await SendAsync<StatusView>(HttpMethod.Get, "v1/status", null, false, ct).ConfigureAwait(false))!;

    /// <summary>An account (an unknown account has nonce 0 and no balances).</summary>
    public async Task<AccountView> GetAccountAsync(Address address, CancellationToken ct = default) =>
        (await SendAsync<AccountView>(HttpMethod.Get, $"v1/accounts/{address}", null, false, ct).ConfigureAwait(false))!;

    /// <summary>An inclusion proof of the account against the head state root.</summary>
    public async Task<AccountProofView> ProveAccountAsync(Address address, CancellationToken ct = default) =>
        (await SendAsync<AccountProofView>(HttpMethod.Get, $"v1/accounts/{address}/proof", null, false, ct).ConfigureAwait(false))!;

    /// <summary>Every registered node, ascending address.</summary>
    public async Task<IReadOnlyList<NodeView>> GetNodesAsync(CancellationToken ct = default) =>
        (await SendAsync<NodeView[]>(HttpMethod.Get, "v1/nodes", null, false, ct).ConfigureAwait(false))!;

    /// <summary>A node, or null when the address is not registered.</summary>
    public Task<NodeView?> GetNodeAsync(Address address, CancellationToken ct = default) =>
        SendAsync<NodeView>(HttpMethod.Get, $"v1/nodes/{address}", null, true, ct);

    /// <summary>Tasks, newest first; <paramref name="phase"/> is <c>open</c>, <c>final</c>, <c>expired</c> or <c>all</c>, <paramref name="limit"/> 1 … 1000.</summary>
    public async Task<IReadOnlyList<TaskSummaryView>> ListTasksAsync(string phase = "all", int limit = 100, CancellationToken ct = default) =>
        (await SendAsync<TaskSummaryView[]>(HttpMethod.Get, $"v1/tasks?phase={Uri.EscapeDataString(phase)}&limit={limit}", null, false, ct).ConfigureAwait(false))!;

    /// <summary>A task with its assignments, or null.</summary>
    public Task<TaskView?> GetTaskAsync(Hash256 taskId, CancellationToken ct = default) =>
        SendAsync<TaskView>(HttpMethod.Get, $"v1/tasks/{taskId}", null, true, ct);

    /// <summary>A task's spec, decoded from its canonical bytes, or null.</summary>
    /// <exception cref="CanonicalFormatException">The bytes do not decode.</exception>
    /// <exception cref="InvalidDataException">The decoded spec's id is not <paramref name="taskId"/>.</exception>
    public async Task<TaskSpec?> GetSpecAsync(Hash256 taskId, CancellationToken ct = default)
    {
        var view = await SendAsync<TaskSpecView>(HttpMethod.Get, $"v1/tasks/{taskId}/spec", null, true, ct).ConfigureAwait(false);
        if (view is null)
        {
            return null;
        }

        var spec = CanonicalEncoding.Decode<TaskSpec>(Convert.FromHexString(view.Spec));
        return spec.TaskId == taskId ? spec : throw new InvalidDataException($"The sequencer returned the spec of task {spec.TaskId} for {taskId}.");
    }

    /// <summary>A dispute by id, or null when there is none.</summary>
    public Task<DisputeView?> GetDisputeAsync(Hash256 disputeId, CancellationToken ct = default) =>
        SendAsync<DisputeView>(HttpMethod.Get, $"v1/disputes/{disputeId}", null, true, ct);

    /// <summary>Every dispute of a task, by opening height then id, or null when there is no such task.</summary>
    public async Task<IReadOnlyList<DisputeView>?> GetTaskDisputesAsync(Hash256 taskId, CancellationToken ct = default) =>
        await SendAsync<DisputeView[]>(HttpMethod.Get, $"v1/tasks/{taskId}/disputes", null, true, ct).ConfigureAwait(false);

    /// <summary>The block at <paramref name="height"/>, or null above the head.</summary>
    public Task<BlockView?> GetBlockAsync(long height, CancellationToken ct = default) =>
        SendAsync<BlockView>(HttpMethod.Get, $"v1/blocks/{height}", null, true, ct);

    /// <summary>The head block.</summary>
    public async Task<BlockView> GetHeadAsync(CancellationToken ct = default) =>
        (await SendAsync<BlockView>(HttpMethod.Get, "v1/blocks/head", null, false, ct).ConfigureAwait(false))!;

    /// <summary>The Prometheus text of <c>/metrics</c>.</summary>
    public async Task<string> GetMetricsAsync(CancellationToken ct = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(RequestTimeout);
        using var response = await _http.GetAsync("metrics", timeout.Token).ConfigureAwait(false);
        await ThrowIfErrorAsync(response, timeout.Token).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private async Task<T?> SendAsync<T>(HttpMethod method, string path, HttpContent? content, bool nullOnNotFound, CancellationToken ct)
        where T : class
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(RequestTimeout);
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
        if (nullOnNotFound && response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await ThrowIfErrorAsync(response, timeout.Token).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, timeout.Token).ConfigureAwait(false)
            ?? throw new InvalidDataException($"{method} {path}: the sequencer answered null.");
    }

    private static async Task ThrowIfErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        string title = response.ReasonPhrase ?? string.Empty, detail = text;
        string? field = null, reason = null;
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                title = Text(root, "title") ?? title;
                detail = Text(root, "detail") ?? detail;
                field = Text(root, "field");
                reason = Text(root, "reason");
            }
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's page, say): keep the raw text as the detail.
        }

        TimeSpan? retryAfter = response.Headers.RetryAfter?.Delta;
        throw new AssayApiException(response.StatusCode, title, detail, field, reason, retryAfter);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
