using Assay.Ledger.Transactions;
using Assay.Ledger.Views;

namespace Assay.Sequencer.Tests;

public sealed class MempoolTests
{
    [Fact]
    public async Task NoncesArrivingOutOfOrderAreAppliedInOrderAndAGapIsDroppedAsNonceSkipped()
    {
        // The gap timeout must outlast the 10 ms between the two sends below even when a loaded machine delays the second
        // request (it failed once at 300 ms under CI load); the warm-up transfer takes the server's first-request cost out.
        await using var net = await TestNetwork.StartAsync(d => TestNetwork.OptionsFor(d, idleMs: 600_000, blockMs: 50) with { NonceGapTimeoutMs = 2_000 });
        var key = TestNetwork.Account(2);
        var to = TestNetwork.Account(3).Address;
        var warm = await net.Client.SubmitAsync(SignedTransaction.Sign(TestNetwork.Account(1), 0, new TransferBody(to, TestNetwork.Native, 1)));
        Assert.True(warm.IsApplied, $"warm-up {warm}");

        // Nonce 1 arrives first and waits for nonce 0; both are applied, 0 before 1.
        var second = net.Client.SubmitAsync(SignedTransaction.Sign(key, 1, new TransferBody(to, TestNetwork.Native, 2)));
        await Task.Delay(10);
        var first = await net.Client.SubmitAsync(SignedTransaction.Sign(key, 0, new TransferBody(to, TestNetwork.Native, 1)));
        var then = await second;
        Assert.True(first.IsApplied && then.IsApplied, $"{first} / {then}");
        Assert.True((first.Height, first.Index).CompareTo((then.Height, then.Index)) < 0, $"nonce 0 at {first.Height}/{first.Index}, nonce 1 at {then.Height}/{then.Index}");

        // Nonce 5 while the account is at 2: dropped after the gap timeout, never in a block, nothing changed.
        var before = await net.Client.GetAccountAsync(key.Address);
        var skipped = await net.Client.SubmitAsync(SignedTransaction.Sign(key, 5, new TransferBody(to, TestNetwork.Native, 3)));
        Assert.Equal(TransactionReceipt.Rejected, skipped.Outcome);
        Assert.Equal(nameof(RejectionReason.NonceSkipped), skipped.Reason);
        Assert.Equal((0L, -1), (skipped.Height, skipped.Index));
        var after = await net.Client.GetAccountAsync(key.Address);
        Assert.Equal(before.Nonce, after.Nonce);
        Assert.Equal(before.Balances[TestNetwork.Native], after.Balances[TestNetwork.Native]);
        Assert.Equal(0, (await net.Client.GetStatusAsync()).MempoolDepth);
        Assert.Contains("assay_transactions_total{outcome=\"dropped\"} 1", await net.Client.GetMetricsAsync(), StringComparison.Ordinal);
    }
}
