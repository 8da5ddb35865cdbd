using System.Text.Json;
using Assay.Ledger.Transactions;
using Assay.Ledger.Views;
using Assay.Proofs.Canonical;
using Assay.Sequencer.Production;

namespace Assay.Sequencer.Api;

/// <summary>Submitting and looking up transactions: <c>POST /v1/transactions</c>, <c>GET /v1/transactions/{hash}</c>.</summary>
internal static class TransactionEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/transactions", SubmitAsync)
            .WithName("SubmitTransaction")
            .WithSummary("Submit a signed transaction (hex of its canonical encoding); answers with the receipt once its block is durable.")
            .Accepts<SubmitTransactionRequest>("application/json")
            .Produces<TransactionReceipt>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/v1/transactions/{hash}", GetAsync)
            .WithName("GetTransaction")
            .WithSummary("A transaction: its bytes, kind, sender, nonce, height and outcome.")
            .Produces<TransactionView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> SubmitAsync(HttpContext context, LedgerHost host, CancellationToken ct)
    {
        var limit = host.Options.MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return TooLarge(limit);
        }

        byte[] body;
        try
        {
            body = await ReadBodyAsync(context.Request.Body, limit, ct).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }

        if (body.LongLength > limit)
        {
            return TooLarge(limit);
        }

        string? hex;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Problems.BadRequest("body", "the body must be a JSON object {\"tx\": \"<hex>\"}.");
            }

            if (!document.RootElement.TryGetProperty("tx", out var tx))
            {
                return Problems.BadRequest("tx", "missing: the body must be {\"tx\": \"<hex of the canonical signed transaction>\"}.");
            }

            if (tx.ValueKind != JsonValueKind.String)
            {
                return Problems.BadRequest("tx", $"must be a string of hex digits (got a JSON {tx.ValueKind.ToString().ToLowerInvariant()}).");
            }

            hex = tx.GetString();
        }
        catch (JsonException e)
        {
            return Problems.BadRequest("body", $"malformed JSON: {e.Message}");
        }

        if (string.IsNullOrEmpty(hex) || hex.Length % 2 != 0 || !IsHex(hex))
        {
            return Problems.BadRequest("tx", "must be a non-empty, even-length string of hex digits (0-9, a-f).");
        }

        SignedTransaction transaction;
        try
        {
            transaction = CanonicalEncoding.Decode<SignedTransaction>(Convert.FromHexString(hex));
        }
        catch (Exception e) when (e is CanonicalFormatException or FormatException or ArgumentException or OverflowException or InvalidOperationException)
        {
            return Problems.BadRequest("tx", $"not a canonical signed transaction: {e.Message}");
        }

        if (!transaction.VerifySignature())
        {
            return Problems.BadRequest("tx", $"the signature does not verify under the sender key of {transaction.Sender}.", nameof(RejectionReason.BadSignature));
        }

        var result = await host.SubmitAsync(transaction, ct).ConfigureAwait(false);
        if (result.Receipt is null)
        {
            if (result.Status == StatusCodes.Status429TooManyRequests)
            {
                context.Response.Headers.RetryAfter = host.Options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Problems.Of(result.Status, result.Title, result.Detail, result.Status == StatusCodes.Status503ServiceUnavailable ? "sequencer" : "tx", result.Reason);
        }

        try
        {
            var receipt = await result.Receipt.WaitAsync(ct).ConfigureAwait(false);
            return Results.Json(receipt, ApiJson.Options);
        }
        catch (SequencerUnavailableException e)
        {
            return Problems.Unavailable(e.Message);
        }
    }

    private static async Task<IResult> GetAsync(string hash, LedgerHost host, CancellationToken ct)
    {
        if (!RouteValues.TryHash(hash, out var id))
        {
            return Problems.BadRequest("hash", "must be 64 hex digits.");
        }

        if (host.Mempool.Find(id) is { } pending && await host.FindTransactionAsync(id, ct).ConfigureAwait(false) is null)
        {
            return Results.Json(TransactionView.From(pending.Transaction, 0, -1, null), ApiJson.Options);
        }

        if (await host.FindTransactionAsync(id, ct).ConfigureAwait(false) is not { } record)
        {
            return Problems.NotFound("hash", $"no transaction {id} is pending or stored.");
        }

        var block = await Storage.Chain.LedgerChain.ReadBlockAsync(host.Store, record.Height, ct).ConfigureAwait(false);
        if (block is null || record.Index >= block.Transactions.Count)
        {
            return Problems.NotFound("hash", $"transaction {id} is indexed at height {record.Height} but the block is not readable.");
        }

        return Results.Json(TransactionView.From(block.Transactions[record.Index], record.Height, record.Index, block.Outcomes[record.Index]), ApiJson.Options);
    }

    private static IResult TooLarge(long limit) =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, "Body too large", $"the request body exceeds the limit of {limit} bytes.", "body");

    private static async Task<byte[]> ReadBodyAsync(Stream body, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                break;
            }
        }

        return buffer.ToArray();
    }

    private static bool IsHex(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
