using Assay.Ledger.Blocks;
using Assay.Ledger.Transactions;
using Assay.Proofs.Canonical;
using Assay.Storage.Chain;

namespace Assay.Storage.Tests.Chain;

/// <summary>The ledger bound to a store, on every backend: durable blocks, snapshots every N, restart equal to the live ledger, replay naming a tampered height.</summary>
public abstract class LedgerChainContractTests : IAsyncLifetime
{
    private const int Seed = 20261121;

    /// <summary>Opens (or reopens) this test's store.</summary>
    protected abstract Task<IBlockStore> OpenStoreAsync();

    /// <inheritdoc/>
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc/>
    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static async Task<LedgerChain> BuildAsync(IBlockStore store, int blocks, int interval)
    {
        var chain = await LedgerChain.CreateAsync(store, ChainScenario.Genesis(), new LedgerChainOptions(interval));
        var scenario = new ChainScenario(Seed);
        for (var i = 0; i < blocks; i++)
        {
            await chain.AppendBlockAsync(scenario.NextTime(chain.Ledger), scenario.NextBlock(chain.Ledger));
        }

        return chain;
    }

    [Fact]
    public async Task RestartFromTheLatestSnapshotEqualsTheLiveLedger()
    {
        BlockHeader liveHead;
        byte[] liveSnapshot;
        using (var store = await OpenStoreAsync())
        {
            var chain = await BuildAsync(store, 25, 10);
            liveHead = chain.Ledger.Head;
            liveSnapshot = LedgerSnapshot.Encode(chain.Ledger);
            Assert.Equal(25, (await store.GetHeadAsync())!.Value.Height);
            Assert.Equal(20, (await store.GetLatestSnapshotAsync(25))!.Value.Height);
            Assert.Equal(10, (await store.GetLatestSnapshotAsync(19))!.Value.Height);
        }

        using (var store = await OpenStoreAsync())
        {
            var reopened = await LedgerChain.OpenAsync(store, new LedgerChainOptions(10));
            Assert.Equal(20, reopened.RestoredFromHeight);
            Assert.Equal(liveHead, reopened.Ledger.Head);
            Assert.Equal(liveSnapshot, LedgerSnapshot.Encode(reopened.Ledger));

            // The reopened chain keeps going, and the store stays consistent.
            var scenario = new ChainScenario(Seed + 1);
            await reopened.AppendBlockAsync(scenario.NextTime(reopened.Ledger), scenario.NextBlock(reopened.Ledger));
            Assert.Equal(26, (await store.GetHeadAsync())!.Value.Height);
        }
    }

    [Fact]
    public async Task ReplayFromGenesisAndFromTheSnapshotMatchEveryBlock()
    {
        using var store = await OpenStoreAsync();
        var chain = await BuildAsync(store, 16, 5);
        var heights = new List<long>();
        var progress = new SynchronousProgress(heights.Add);
        var full = await LedgerChain.ReplayAsync(store, new LedgerChainOptions(5), fromGenesis: true, progress);
        Assert.True(full.AllMatch, full.Detail);
        Assert.Equal(0, full.StartHeight);
        Assert.Equal(16, full.BlocksChecked);
        Assert.Equal(chain.Ledger.Head.StateRoot, full.HeadStateRoot);
        Assert.Equal(Enumerable.Range(1, 16).Select(i => (long)i), heights);
        Assert.True(full.TransactionsReplayed >= 16 * 3, $"{full.TransactionsReplayed} transactions");

        var tail = await LedgerChain.ReplayAsync(store, new LedgerChainOptions(5), fromGenesis: false);
        Assert.True(tail.AllMatch, tail.Detail);
        Assert.Equal(15, tail.StartHeight);
        Assert.Equal(1, tail.BlocksChecked);
        Assert.Equal(chain.Ledger.Head.StateRoot, tail.HeadStateRoot);

        // Block 0 decodes as the genesis header; block 3 decodes with its outcomes.
        Assert.Equal(chain.Ledger.GenesisHeader, (await LedgerChain.ReadBlockAsync(store, 0))!.Header);
        Assert.Equal(3UL, (await LedgerChain.ReadBlockAsync(store, 3))!.Header.Height);
        Assert.Null(await LedgerChain.ReadBlockAsync(store, 17));
    }

    [Fact]
    public async Task ATamperedBlockIsReportedAtItsHeightAndOpenRefusesIt()
    {
        const int tampered = 13;

        // Build the honest chain in memory, then store it with block 13's first transfer replaced by another validly
        // signed transfer (its outcome renamed to match, so the bytes decode); the stored header columns are unchanged.
        var ledger = SettlementLedger.Create(ChainScenario.Genesis());
        var scenario = new ChainScenario(Seed);
        var blocks = new List<Block>();
        for (var i = 0; i < 16; i++)
        {
            blocks.Add(ledger.ApplyBlock(scenario.NextTime(ledger), scenario.NextBlock(ledger)));
        }

        using var store = await OpenStoreAsync();
        await LedgerChain.CreateAsync(store, ChainScenario.Genesis(), new LedgerChainOptions(10));
        foreach (var block in blocks)
        {
            var stored = LedgerChain.ToStoredBlock(block);
            if (block.Header.Height == tampered)
            {
                var original = block.Transactions[0];
                var body = (TransferBody)original.Body;
                var forged = SignedTransaction.Sign(ChainScenario.Key(Array.FindIndex(Enumerable.Range(0, ChainScenario.Accounts).ToArray(), i => ChainScenario.Key(i).Address == original.Sender)), original.Nonce, body with { AmountMinorUnits = body.AmountMinorUnits + 1 });
                var txs = block.Transactions.ToArray();
                var outcomes = block.Outcomes.ToArray();
                txs[0] = forged;
                outcomes[0] = outcomes[0] with { TransactionHash = forged.Hash };
                stored = stored with { Encoded = CanonicalEncoding.Encode(block with { Transactions = txs, Outcomes = outcomes }) };
            }

            await store.AppendAsync(stored);
        }

        var report = await LedgerChain.ReplayAsync(store, new LedgerChainOptions(10), fromGenesis: true);
        Assert.False(report.AllMatch);
        Assert.Equal(tampered, report.FirstMismatchHeight);
        Assert.Equal(tampered, report.BlocksChecked);
        Assert.Equal(blocks[tampered - 2].Header.StateRoot, report.HeadStateRoot);
        Assert.Contains("root", report.Detail, StringComparison.Ordinal);

        // No snapshot above 0 exists (the blocks were appended directly), so open replays from genesis and stops at 13.
        var error = await Assert.ThrowsAsync<LedgerChainException>(() => LedgerChain.OpenAsync(store, new LedgerChainOptions(10)));
        Assert.Equal(tampered, error.Height);
    }

    [Fact]
    public async Task ADamagedSnapshotFallsBackToAnOlderOne()
    {
        using var store = await OpenStoreAsync();
        var chain = await BuildAsync(store, 12, 4);
        var latest = (await store.GetLatestSnapshotAsync(12))!.Value;
        Assert.Equal(12, latest.Height);

        // Same root (the store checks it), bytes of another height's snapshot: the restored head is not block 12.
        var older = (await store.GetLatestSnapshotAsync(8))!.Value;
        await store.PutSnapshotAsync(latest with { Encoded = older.Encoded });
        var reopened = await LedgerChain.OpenAsync(store, new LedgerChainOptions(4));
        Assert.Equal(8, reopened.RestoredFromHeight);
        Assert.Equal(chain.Ledger.Head, reopened.Ledger.Head);

        var garbage = latest.Encoded.ToArray();
        garbage[garbage.Length / 2] ^= 0x40;
        await store.PutSnapshotAsync(latest with { Encoded = garbage });
        reopened = await LedgerChain.OpenAsync(store, new LedgerChainOptions(4));
        Assert.Equal(8, reopened.RestoredFromHeight);
        Assert.Equal(chain.Ledger.Head, reopened.Ledger.Head);
    }

    [Fact]
    public async Task MisuseIsRefusedAndChangesNothing()
    {
        using var store = await OpenStoreAsync();
        await Assert.ThrowsAsync<LedgerChainException>(() => LedgerChain.OpenAsync(store, new LedgerChainOptions(10)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => LedgerChain.CreateAsync(store, ChainScenario.Genesis(), new LedgerChainOptions(0)));
        Assert.Null(await store.GetHeadAsync());

        var chain = await LedgerChain.CreateAsync(store, ChainScenario.Genesis(), new LedgerChainOptions(10));
        var error = await Assert.ThrowsAsync<LedgerChainException>(() => LedgerChain.CreateAsync(store, ChainScenario.Genesis(), new LedgerChainOptions(10)));
        Assert.Equal(0, error.Height);

        // A block whose time goes back is refused before anything is applied or stored.
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => chain.AppendBlockAsync(ChainScenario.GenesisTime - 1, []));
        Assert.Equal(0, (await store.GetHeadAsync())!.Value.Height);
        Assert.False(chain.IsFaulted);
    }

    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
