using Assay.Ledger.Transactions;
using Assay.Proofs.Signatures;
using Assay.Sequencer.Admission;

namespace Assay.Sequencer.Tests;

public sealed class MempoolOrderTests
{
    [Fact]
    public void TakeKeepsArrivalOrderAcrossSendersNonceOrderWithinAndStopsAtGaps()
    {
        var a = TestNetwork.Account(0);
        var b = TestNetwork.Account(1);
        var to = TestNetwork.Account(2).Address;
        var pool = new Mempool(capacity: 10);
        SignedTransaction Tx(SigningKey k, ulong n) => SignedTransaction.Sign(k, n, new TransferBody(to, TestNetwork.Native, n + 1));

        // Arrival: a1, b0, a0, b1, a3 (a3 behind a gap at a2), b2.
        var arrivals = new[] { Tx(a, 1), Tx(b, 0), Tx(a, 0), Tx(b, 1), Tx(a, 3), Tx(b, 2) };
        foreach (var tx in arrivals)
        {
            Assert.Equal(AdmissionStatus.Added, pool.TryAdd(tx, 1_000, out _));
        }

        Assert.Equal(AdmissionStatus.Known, pool.TryAdd(arrivals[0], 1_000, out _));
        Assert.Equal(AdmissionStatus.NonceTaken, pool.TryAdd(Tx(a, 1), 1_000, out _));
        var dropped = new List<MempoolEntry>();
        var block = pool.Take(_ => 0, max: 4, nowUnixMs: 1_500, gapTimeoutMs: 10_000, dropped);
        string Name(MempoolEntry e) => (e.Transaction.Sender == a.Address ? "a" : "b") + e.Transaction.Nonce;

        // Slots by arrival (a, b, a, b, b) filled per sender in nonce order, cut at 4: a0 b0 a1 b1.
        Assert.Equal(["a0", "b0", "a1", "b1"], block.Select(Name));
        Assert.Empty(dropped);
        Assert.Equal(2, pool.Count);

        // Next block: b2 is ready; a3 still waits for a2 until the gap timeout, then is dropped.
        var next = pool.Take(_ => 2UL, max: 4, nowUnixMs: 5_000, gapTimeoutMs: 10_000, dropped);
        Assert.Equal(["b2"], next.Select(Name));
        Assert.Empty(dropped);
        var last = pool.Take(_ => 3UL, max: 4, nowUnixMs: 20_000, gapTimeoutMs: 10_000, dropped);
        Assert.Equal(["a3"], last.Select(Name));

        var gap = new Mempool(capacity: 1);
        Assert.Equal(AdmissionStatus.Added, gap.TryAdd(Tx(a, 5), 0, out _));
        Assert.Equal(AdmissionStatus.Full, gap.TryAdd(Tx(b, 0), 0, out _));
        var lost = new List<MempoolEntry>();
        Assert.Empty(gap.Take(_ => 0, 4, 10_001, 10_000, lost));
        Assert.Equal(["a5"], lost.Select(Name));
        Assert.Equal(0, gap.Count);
        Assert.Null(gap.Find(lost[0].Hash));
    }
}
