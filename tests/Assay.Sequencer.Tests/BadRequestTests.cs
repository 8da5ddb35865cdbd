using System.Net;
using System.Text;
using System.Text.Json;
using Assay.Client;
using Assay.Ledger.Transactions;
using Assay.Ledger.Views;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;

namespace Assay.Sequencer.Tests;

public sealed class BadRequestTests
{
    public static TheoryData<string, string, string> BadBodies => new()
    {
        // name, body, expected field
        { "malformed JSON", "{\"tx\": \"00", "body" },
        { "not an object", "[1, 2]", "body" },
        { "missing tx", "{\"transaction\": \"00\"}", "tx" },
        { "tx is a number", "{\"tx\": 42}", "tx" },
        { "tx is an object", "{\"tx\": {\"hex\": \"00\"}}", "tx" },
        { "bad hex", "{\"tx\": \"zz11\"}", "tx" },
        { "odd-length hex", "{\"tx\": \"abc\"}", "tx" },
        { "undecodable bytes", "{\"tx\": \"0301deadbeef\"}", "tx" },
    };

    [Fact]
    public async Task EveryBadRequestGetsItsProblemAndChangesNothing()
    {
        // No idle blocks: the head moves only if something enters the mempool.
        await using var net = await TestNetwork.StartAsync(d => TestNetwork.OptionsFor(d, idleMs: 600_000, maxBody: 4_096));
        var key = TestNetwork.Account(0);
        var to = TestNetwork.Account(1).Address;
        var first = SignedTransaction.Sign(key, 0, new TransferBody(to, TestNetwork.Native, 5));
        Assert.True((await net.Client.SubmitAsync(first)).IsApplied);
        var before = await net.Client.GetStatusAsync();
        using var http = new HttpClient { BaseAddress = net.Host.BaseAddress };

        foreach (var (name, body, field) in BadBodies.Select(row => ((string)row[0], (string)row[1], (string)row[2])))
        {
            await ExpectProblemAsync(http, name, body, HttpStatusCode.BadRequest, field, null);
        }

        // A valid low-S signature over another payload: decodes, fails verification.
        var body2 = new TransferBody(to, TestNetwork.Native, 6);
        var forged = new SignedTransaction(key.PublicKey, 1, body2, key.SignDigest(DomainHash.Compute("test/other", [1, 2, 3])));
        await ExpectProblemAsync(http, "bad signature", Json(forged), HttpStatusCode.BadRequest, "tx", nameof(RejectionReason.BadSignature));

        // Nonce 0 is used by the first transfer: another transaction with it is refused before the mempool.
        var replay = SignedTransaction.Sign(key, 0, new TransferBody(to, TestNetwork.Native, 7));
        var conflict = await ExpectProblemAsync(http, "replayed nonce", Json(replay), HttpStatusCode.Conflict, "tx", nameof(RejectionReason.NonceReused));
        Assert.Contains("next nonce is 1", conflict, StringComparison.Ordinal);

        var big = "{\"tx\": \"" + new string('a', 6_000) + "\"}";
        await ExpectProblemAsync(http, "oversized body", big, HttpStatusCode.RequestEntityTooLarge, "body", null);

        // The SDK surfaces the same problems as AssayApiException.
        var e = await Assert.ThrowsAsync<AssayApiException>(() => net.Client.SubmitAsync(forged));
        Assert.Equal((HttpStatusCode.BadRequest, "tx", "BadSignature"), (e.Status, e.Field, e.Reason));

        // Bad path and query values.
        await ExpectGetProblemAsync(http, "v1/accounts/nonsense", HttpStatusCode.BadRequest, "address");
        await ExpectGetProblemAsync(http, "v1/nodes/asy0000000000000000000000000000000000000000", HttpStatusCode.NotFound, "address");
        await ExpectGetProblemAsync(http, "v1/tasks/xyz", HttpStatusCode.BadRequest, "task_id");
        await ExpectGetProblemAsync(http, "v1/tasks/" + new string('0', 64), HttpStatusCode.NotFound, "task_id");
        await ExpectGetProblemAsync(http, "v1/tasks?phase=done", HttpStatusCode.BadRequest, "phase");
        await ExpectGetProblemAsync(http, "v1/tasks?limit=0", HttpStatusCode.BadRequest, "limit");
        await ExpectGetProblemAsync(http, "v1/blocks/-3", HttpStatusCode.BadRequest, "height");
        await ExpectGetProblemAsync(http, "v1/blocks/999999", HttpStatusCode.NotFound, "height");
        await ExpectGetProblemAsync(http, "v1/transactions/12", HttpStatusCode.BadRequest, "hash");
        await ExpectGetProblemAsync(http, "v1/events?from_height=x", HttpStatusCode.BadRequest, "from_height");
        await ExpectGetProblemAsync(http, "v1/no-such-route", HttpStatusCode.NotFound, "path");

        var after = await net.Client.GetStatusAsync();
        Assert.Equal((before.Height, before.HeadHash, before.StateRoot), (after.Height, after.HeadHash, after.StateRoot));
        Assert.Equal(0, after.MempoolDepth);
        Assert.Equal(1UL, (await net.Client.GetAccountAsync(key.Address)).Nonce);
        Assert.Equal(TestNetwork.Funding + 5, (await net.Client.GetAccountAsync(to)).Balances[TestNetwork.Native]);
    }

    [Fact]
    public async Task FullMempoolAnswers429WithRetryAfter()
    {
        // No block for a minute: two transactions fill the mempool of capacity 2.
        await using var net = await TestNetwork.StartAsync(d => TestNetwork.OptionsFor(d, idleMs: 600_000, blockMs: 60_000, mempool: 2));
        var key = TestNetwork.Account(3);
        var to = TestNetwork.Account(0).Address;
        var waiting = new[]
        {
            net.Client.SubmitAsync(SignedTransaction.Sign(key, 0, new TransferBody(to, TestNetwork.Native, 1))),
            net.Client.SubmitAsync(SignedTransaction.Sign(key, 1, new TransferBody(to, TestNetwork.Native, 1))),
        };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await net.Client.GetStatusAsync()).MempoolDepth < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        var before = await net.Client.GetStatusAsync();
        Assert.Equal(2, before.MempoolDepth);
        var e = await Assert.ThrowsAsync<AssayApiException>(() => net.Client.SubmitAsync(SignedTransaction.Sign(key, 2, new TransferBody(to, TestNetwork.Native, 1))));
        Assert.Equal(HttpStatusCode.TooManyRequests, e.Status);
        Assert.Equal("tx", e.Field);
        Assert.Equal(TimeSpan.FromSeconds(net.Options.RetryAfterSeconds), e.RetryAfter);
        var after = await net.Client.GetStatusAsync();
        Assert.Equal((before.Height, before.StateRoot, 2), (after.Height, after.StateRoot, after.MempoolDepth));

        // Stopping releases the waiting submissions with 503: they were never acknowledged.
        await net.Host.StopAsync();
        foreach (var w in waiting)
        {
            var stopped = await Assert.ThrowsAnyAsync<Exception>(() => w);
            Assert.True(stopped is AssayApiException { Status: HttpStatusCode.ServiceUnavailable } or HttpRequestException, $"waiting submission ended with {stopped}");
        }
    }

    private static string Json(SignedTransaction tx) =>
        JsonSerializer.Serialize(new SubmitTransactionRequest(Convert.ToHexStringLower(CanonicalEncoding.Encode(tx))), ApiJson.Options);

    private static async Task<string> ExpectProblemAsync(HttpClient http, string name, string body, HttpStatusCode status, string field, string? reason)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("v1/transactions", content);
        return await CheckAsync(response, $"POST {name} ({body[..Math.Min(body.Length, 80)]})", status, field, reason);
    }

    private static async Task ExpectGetProblemAsync(HttpClient http, string path, HttpStatusCode status, string field)
    {
        using var response = await http.GetAsync(path);
        await CheckAsync(response, "GET " + path, status, field, null);
    }

    private static async Task<string> CheckAsync(HttpResponseMessage response, string what, HttpStatusCode status, string field, string? reason)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{what}: expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{what}: content type {response.Content.Headers.ContentType}: {text}");
        using var problem = JsonDocument.Parse(text);
        var root = problem.RootElement;
        Assert.True(root.GetProperty("status").GetInt32() == (int)status, $"{what}: {text}");
        Assert.True(root.GetProperty("title").GetString()!.Length > 0, $"{what}: {text}");
        Assert.True(root.GetProperty("detail").GetString()!.Length > 0, $"{what}: {text}");
        Assert.True(root.GetProperty("field").GetString() == field, $"{what}: expected field {field}: {text}");
        if (reason is not null)
        {
            Assert.True(root.GetProperty("reason").GetString() == reason, $"{what}: expected reason {reason}: {text}");
        }

        return text;
    }
}
