using System.Net;
using System.Text;
using System.Text.Json;
using Assay.IntegrationTests.Harness;
using Assay.Ledger.Transactions;
using Assay.Node.Keys;
using Assay.Proofs.Canonical;

namespace Assay.IntegrationTests;

[Collection(NetworkCollection.Name)]
public sealed class BadRequestTests
{
    [Fact]
    public async Task BadRequestsThroughTheRealProcessGetProblemDetailsAndChangeNothing()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ct = cts.Token;
        using var net = await TestNet.StartAsync(1, ct);
        using var http = new HttpClient { BaseAddress = net.Url };
        using var key = NodeKeyStore.LoadOrCreate(net.Layout.RequesterKeyPath, null, out _);
        var before = await net.Client.GetAccountAsync(key.Address, ct);
        var to = net.NodeAddresses[0];

        await ExpectProblem(http, "{not json", HttpStatusCode.BadRequest, "body|tx", ct);
        await ExpectProblem(http, "{\"tx\": 5}", HttpStatusCode.BadRequest, "tx", ct);
        await ExpectProblem(http, "{\"tx\": \"zz\"}", HttpStatusCode.BadRequest, "tx", ct);
        await ExpectProblem(http, "{\"tx\": \"00112233\"}", HttpStatusCode.BadRequest, "tx", ct);
        await ExpectProblem(http, "{\"tx\": \"" + new string('a', 5 << 20) + "\"}", HttpStatusCode.RequestEntityTooLarge, "body", ct);

        // A valid transaction with one bit of its signature flipped.
        var good = SignedTransaction.Sign(key, before.Nonce, new TransferBody(to, "ASY", 7));
        var bytes = CanonicalEncoding.Encode(good);
        bytes[^5] ^= 0x01;
        var problem = await ExpectProblem(http, Body(bytes), HttpStatusCode.BadRequest, "tx", ct);
        Assert.Equal("BadSignature", problem.GetProperty("reason").GetString());

        var after = await net.Client.GetAccountAsync(key.Address, ct);
        Assert.Equal(before.Nonce, after.Nonce);
        Assert.Equal(before.Balances["ASY"], after.Balances["ASY"]);

        // Accepted once; the same bytes again answer the first receipt; another transaction with the used nonce is 409.
        var first = await http.PostAsync("v1/transactions", Json(Body(CanonicalEncoding.Encode(good))), ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var again = await http.PostAsync("v1/transactions", Json(Body(CanonicalEncoding.Encode(good))), ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(ct), await again.Content.ReadAsStringAsync(ct));
        var replay = SignedTransaction.Sign(key, before.Nonce, new TransferBody(to, "ASY", 8));
        var nonceProblem = await ExpectProblem(http, Body(CanonicalEncoding.Encode(replay)), HttpStatusCode.Conflict, "tx", ct);
        Assert.Equal("NonceReused", nonceProblem.GetProperty("reason").GetString());

        var final = await net.Client.GetAccountAsync(key.Address, ct);
        Assert.Equal(before.Nonce + 1, final.Nonce);
        Assert.Equal(before.Balances["ASY"] - 7, final.Balances["ASY"]);

        var badAddress = await http.GetAsync("v1/accounts/not-an-address", ct);
        Assert.Equal(HttpStatusCode.BadRequest, badAddress.StatusCode);
        Assert.Equal("address", (await ProblemOf(badAddress, ct)).GetProperty("field").GetString());
    }

    private static string Body(byte[] tx) => "{\"tx\": \"" + Convert.ToHexStringLower(tx) + "\"}";

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ExpectProblem(HttpClient http, string body, HttpStatusCode status, string field, CancellationToken ct)
    {
        // Expect: 100-continue lets the server refuse an oversized body by its Content-Length before any of it is sent;
        // without it the server may answer 413 and close while the client is still writing, a race the client loses.
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/transactions") { Content = Json(body) };
        request.Headers.ExpectContinue = true;
        using var response = await http.SendAsync(request, ct);
        var shown = body.Length > 80 ? body[..80] + "…" : body;
        Assert.True(response.StatusCode == status, $"{shown}: expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        var problem = await ProblemOf(response, ct);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("title", out _), shown);
        // Malformed JSON is a fault of the whole body: either name is accepted there ("body|tx").
        Assert.Contains(problem.GetProperty("field").GetString(), field.Split('|'));
        return problem;
    }

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response, CancellationToken ct)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return document.RootElement.Clone();
    }
}
