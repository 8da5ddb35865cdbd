using System.Net;
using Assay.Ledger.Transactions;
using Assay.Ledger.Views;
using Assay.Proofs.Signatures;

namespace Assay.Client;

/// <summary>Signs transactions with one key and keeps its nonce: fetches the account nonce once, then counts locally.</summary>
/// <remarks>
/// On 409 <c>NonceReused</c> it refetches the nonce and retries once; on 429 it waits <c>Retry-After</c> and retries, at
/// most <see cref="MaxBusyRetries"/> times. A receipt that is rejected leaves the ledger nonce where it was, so the next
/// send refetches it. Sends through one sender are serialised (one at a time), which keeps nonces in order.
/// </remarks>
public sealed class TransactionSender
{
    /// <summary>Most retries after 429 (mempool full) for one send.</summary>
    public const int MaxBusyRetries = 20;

    private readonly AssayClient _client;
    private readonly SigningKey _key;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private ulong? _next;

    /// <summary>A sender for <paramref name="key"/> through <paramref name="client"/>.</summary>
    public TransactionSender(AssayClient client, SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(key);
        _client = client;
        _key = key;
    }

    /// <summary>The sender's address.</summary>
    public Address Address => _key.Address;

    /// <summary>Signs <paramref name="body"/> with the next nonce, submits it, and returns its receipt.</summary>
    /// <exception cref="AssayApiException">The sequencer refused it (other than a first nonce conflict or a full mempool), or stayed full.</exception>
    public async Task<TransactionReceipt> SendAsync(TransactionBody body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var nonceRetried = false;
            var busy = 0;
            while (true)
            {
                _next ??= (await _client.GetAccountAsync(_key.Address, ct).ConfigureAwait(false)).Nonce;
                var tx = SignedTransaction.Sign(_key, _next.Value, body);
                try
                {
                    var receipt = await _client.SubmitAsync(tx, ct).ConfigureAwait(false);
                    _next = receipt.IsApplied ? _next + 1 : null;
                    return receipt;
                }
                catch (AssayApiException e) when (e.Status == HttpStatusCode.Conflict && !nonceRetried)
                {
                    nonceRetried = true;
                    _next = null;
                }
                catch (AssayApiException e) when (e.Status == HttpStatusCode.TooManyRequests && busy < MaxBusyRetries)
                {
                    busy++;
                    await Task.Delay(e.RetryAfter ?? TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
                }
                catch
                {
                    _next = null;
                    throw;
                }
            }
        }
        finally
        {
            _lock.Release();
        }
    }
}
