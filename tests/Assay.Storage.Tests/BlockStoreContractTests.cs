using Assay.Proofs.Hashing;

namespace Assay.Storage.Tests;

/// <summary>The contract every <see cref="IBlockStore"/> implementation must meet; run once per implementation.</summary>
public abstract class BlockStoreContractTests : IAsyncLifetime
{
    private const ulong Seed = 20261121;
    private readonly List<IBlockStore> _opened = [];

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            store.Dispose();
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task EmptyStoreHasNoHeadBlocksOrSnapshots()
    {
        var store = await OpenAsync();
        Assert.Null(await store.GetHeadAsync());
        Assert.Null(await store.GetBlockAsync(0));
        Assert.Empty(await ToListAsync(store.ReadRangeAsync(0, 100)));
        Assert.Null(await store.GetLatestSnapshotAsync(long.MaxValue));
    }

    [Fact]
    public async Task AppendedBlocksRoundTripByteForByte()
    {
        var store = await OpenAsync();
        var chain = TestChain.Chain(Seed, 0, 12, Hash256.Zero);
        chain[3] = chain[3] with { Encoded = ReadOnlyMemory<byte>.Empty };
        Relink(chain);
        foreach (var block in chain)
        {
            await store.AppendAsync(block);
            TestChain.AssertSame(block, await store.GetHeadAsync(), $"head after append {block.Height}");
        }

        foreach (var block in chain)
        {
            TestChain.AssertSame(block, await store.GetBlockAsync(block.Height), "get by height");
        }

        Assert.Null(await store.GetBlockAsync(12));
        Assert.Null(await store.GetBlockAsync(-1));
    }

    [Fact]
    public async Task GenesisParentIsNotChecked()
    {
        var store = await OpenAsync();
        var genesis = TestChain.Block(Seed, 0, Hash256.Parse(new string('a', 64)), 10);
        await store.AppendAsync(genesis);
        TestChain.AssertSame(genesis, await store.GetBlockAsync(0), "genesis with a non-zero parent");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(-1)]
    public async Task FirstBlockNotAtHeightZeroIsAGap(long height)
    {
        var store = await OpenAsync();
        var block = TestChain.Block(Seed, height, Hash256.Zero, 10);
        var error = await Assert.ThrowsAsync<BlockRejectedException>(() => store.AppendAsync(block));
        Assert.True(error.Rejection == BlockRejection.HeightGap && error.Field == "height" && error.Height == height,
            $"height {height}: got {error.Rejection}, field {error.Field}, height {error.Height}: {error.Message}");
        Assert.Null(await store.GetHeadAsync());
    }

    [Fact]
    public async Task HeightGapIsRefusedAndNothingIsWritten()
    {
        var store = await OpenAsync();
        var chain = TestChain.Chain(Seed, 0, 6, Hash256.Zero);
        await store.AppendRangeAsync(chain[..4]);
        var skipping = chain[5] with { ParentHash = chain[3].Hash };
        var error = await Assert.ThrowsAsync<BlockRejectedException>(() => store.AppendAsync(skipping));
        Assert.True(error.Rejection == BlockRejection.HeightGap && error.Field == "height" && error.Height == 5, error.Message);
        Assert.Contains("must be at height 4", error.Message, StringComparison.Ordinal);
        TestChain.AssertSame(chain[3], await store.GetHeadAsync(), "head after refused gap");
        Assert.Null(await store.GetBlockAsync(5));
    }

    [Fact]
    public async Task DuplicateHeightIsRefusedAndTheStoredBlockKept()
    {
        var store = await OpenAsync();
        var chain = TestChain.Chain(Seed, 0, 4, Hash256.Zero);
        await store.AppendRangeAsync(chain);
        var rival = TestChain.Block(Seed + 1, 2, chain[1].Hash, 50);
        var error = await Assert.ThrowsAsync<BlockRejectedException>(() => store.AppendAsync(rival));
        Assert.True(error.Rejection == BlockRejection.DuplicateHeight && error.Field == "height" && error.Height == 2, error.Message);
        var again = await Assert.ThrowsAsync<BlockRejectedException>(() => store.AppendAsync(chain[3]));
        Assert.Equal(BlockRejection.DuplicateHeight, again.Rejection);
        TestChain.AssertSame(chain[2], await store.GetBlockAsync(2), "block 2 after refused duplicate");
        TestChain.AssertSame(chain[3], await store.GetHeadAsync(), "head after refused duplicate");
    }

    [Fact]
    public async Task WrongParentIsRefusedNamingParentHash()
    {
        var store = await OpenAsync();
        var chain = TestChain.Chain(Seed, 0, 3, Hash256.Zero);
        await store.AppendRangeAsync(chain[..2]);
        var orphan = chain[2] with { ParentHash = chain[0].Hash };
        var error = await Assert.ThrowsAsync<BlockRejectedException>(() => store.AppendAsync(orphan));
        Assert.True(error.Rejection == BlockRejection.ParentMismatch && error.Field == "parent_hash" && error.Height == 2, error.Message);
        Assert.Contains(chain[1].Hash.ToString(), error.Message, StringComparison.Ordinal);
        TestChain.AssertSame(chain[1], await store.GetHeadAsync(), "head after refused orphan");
    }

    [Theory]
    [InlineData(0, "height")]
    [InlineData(3, "parent_hash")]
    [InlineData(4, "height")]
    public async Task BatchIsAllOrNothing(int brokenIndex, string field)
    {
        var store = await OpenAsync();
        var chain = TestChain.Chain(Seed, 0, 10, Hash256.Zero);
        await store.AppendRangeAsync(chain[..2]);
        var batch = chain[2..8];
        batch[brokenIndex] = field == "height"
            ? batch[brokenIndex] with { Height = batch[brokenIndex].Height + 1 }
            : batch[brokenIndex] with { ParentHash = Hash256.Zero };
        var error = await Assert.ThrowsAsync<BlockRejectedException>(() => store.AppendRangeAsync(batch));
        Assert.True(error.Field == field, $"broken index {brokenIndex}: field {error.Field}: {error.Message}");
        TestChain.AssertSame(chain[1], await store.GetHeadAsync(), $"head after refused batch (broken index {brokenIndex})");
        Assert.Null(await store.GetBlockAsync(2));
        await store.AppendRangeAsync(chain[2..]);
        TestChain.AssertSame(chain[9], await store.GetHeadAsync(), "head after the good batch");
    }

    [Fact]
    public async Task DuplicateInsideABatchIsRefused()
    {
        var store = await OpenAsync();
        var chain = TestChain.Chain(Seed, 0, 3, Hash256.Zero);
        var error = await Assert.ThrowsAsync<BlockRejectedException>(() => store.AppendRangeAsync([chain[0], chain[1], chain[1]]));
        Assert.True(error.Rejection == BlockRejection.DuplicateHeight && error.Height == 1, error.Message);
        Assert.Null(await store.GetHeadAsync());
    }

    [Fact]
    public async Task EmptyBatchIsANoOpAndOversizedBatchIsAnArgumentError()
    {
        var store = await OpenAsync();
        await store.AppendRangeAsync([]);
        Assert.Null(await store.GetHeadAsync());
        var tooMany = new StoredBlock[BlockStoreLimits.MaxBlocksPerAppend + 1];
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.AppendRangeAsync(tooMany));
    }

    [Fact]
    public async Task RangeStreamsInOrderAcrossPagesAndStopsAtHead()
    {
        var store = await OpenAsync();
        var count = (2 * BlockStoreLimits.ReadPageBlocks) + 37;
        var chain = TestChain.Chain(Seed, 0, count, Hash256.Zero, length: 40);
        await store.AppendRangeAsync(chain);
        var all = await ToListAsync(store.ReadRangeAsync(0, long.MaxValue));
        Assert.Equal(count, all.Count);
        for (var i = 0; i < count; i++)
        {
            TestChain.AssertSame(chain[i], all[i], "full range");
        }

        var middle = await ToListAsync(store.ReadRangeAsync(BlockStoreLimits.ReadPageBlocks - 3, BlockStoreLimits.ReadPageBlocks + 3));
        Assert.Equal(Enumerable.Range(BlockStoreLimits.ReadPageBlocks - 3, 7).Select(h => (long)h), middle.Select(b => b.Height));
        Assert.Empty(await ToListAsync(store.ReadRangeAsync(count, count + 10)));
        Assert.Empty(await ToListAsync(store.ReadRangeAsync(5, 4)));
        Assert.Single(await ToListAsync(store.ReadRangeAsync(count - 1, count + 1000)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ToListAsync(store.ReadRangeAsync(-1, 3)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ToListAsync(store.ReadRangeAsync(5, 3)));
    }

    [Fact]
    public async Task LargeBlockRoundTrips()
    {
        var store = await OpenAsync();
        var block = TestChain.Block(Seed, 0, Hash256.Zero, 3 * 1024 * 1024);
        await store.AppendAsync(block);
        TestChain.AssertSame(block, await store.GetBlockAsync(0), "3 MiB block");
    }

    [Fact]
    public async Task BlocksAndSnapshotsSurviveReopen()
    {
        var store = await OpenAsync();
        var chain = TestChain.Chain(Seed, 0, 20, Hash256.Zero);
        await store.AppendRangeAsync(chain[..10]);
        foreach (var block in chain[10..])
        {
            await store.AppendAsync(block);
        }

        var snapshot = TestChain.Snapshot(Seed, 15);
        await store.PutSnapshotAsync(snapshot);
        store.Dispose();
        var reopened = await ReopenAsync();
        TestChain.AssertSame(chain[19], await reopened.GetHeadAsync(), "head after reopen");
        var all = await ToListAsync(reopened.ReadRangeAsync(0, 100));
        Assert.Equal(20, all.Count);
        TestChain.AssertSame(snapshot, await reopened.GetLatestSnapshotAsync(19), "snapshot after reopen");
        var next = TestChain.Block(Seed, 20, chain[19].Hash, 100);
        await reopened.AppendAsync(next);
        TestChain.AssertSame(next, await reopened.GetHeadAsync(), "append after reopen");
    }

    [Fact]
    public async Task SnapshotIsFoundAtOrBelowAHeight()
    {
        var store = await OpenAsync();
        await store.AppendRangeAsync(TestChain.Chain(Seed, 0, 40, Hash256.Zero));
        var s10 = TestChain.Snapshot(Seed, 10);
        var s20 = TestChain.Snapshot(Seed, 20);
        await store.PutSnapshotAsync(s20);
        await store.PutSnapshotAsync(s10);
        Assert.Null(await store.GetLatestSnapshotAsync(9));
        TestChain.AssertSame(s10, await store.GetLatestSnapshotAsync(10), "at 10");
        TestChain.AssertSame(s10, await store.GetLatestSnapshotAsync(19), "below 20");
        TestChain.AssertSame(s20, await store.GetLatestSnapshotAsync(20), "at 20");
        TestChain.AssertSame(s20, await store.GetLatestSnapshotAsync(long.MaxValue), "latest");
        var replacement = TestChain.Snapshot(Seed, 20, length: 77);
        await store.PutSnapshotAsync(replacement);
        TestChain.AssertSame(replacement, await store.GetLatestSnapshotAsync(25), "replaced at 20");
    }

    [Fact]
    public async Task SnapshotMustMatchAStoredBlock()
    {
        var store = await OpenAsync();
        await store.AppendRangeAsync(TestChain.Chain(Seed, 0, 5, Hash256.Zero));
        var above = await Assert.ThrowsAsync<BlockRejectedException>(() => store.PutSnapshotAsync(TestChain.Snapshot(Seed, 5)));
        Assert.True(above.Rejection == BlockRejection.SnapshotHeightNotStored && above.Field == "height" && above.Height == 5, above.Message);
        var wrongRoot = TestChain.Snapshot(Seed, 3) with { StateRoot = TestChain.StateRoot(Seed, 2) };
        var mismatch = await Assert.ThrowsAsync<BlockRejectedException>(() => store.PutSnapshotAsync(wrongRoot));
        Assert.True(mismatch.Rejection == BlockRejection.SnapshotStateRootMismatch && mismatch.Field == "state_root" && mismatch.Height == 3, mismatch.Message);
        Assert.Null(await store.GetLatestSnapshotAsync(long.MaxValue));
    }

    [Fact]
    public async Task RetentionKeepsTheHighestSnapshots()
    {
        var store = await OpenAsync();
        await store.AppendRangeAsync(TestChain.Chain(Seed, 0, 60, Hash256.Zero));
        for (var height = 0; height < 60; height += 10)
        {
            await store.PutSnapshotAsync(TestChain.Snapshot(Seed, height));
        }

        // Default retention keeps 3: heights 30, 40, 50.
        Assert.Equal(3, BlockStoreLimits.DefaultSnapshotsKept);
        Assert.Null(await store.GetLatestSnapshotAsync(29));
        foreach (var height in new long[] { 30, 40, 50 })
        {
            TestChain.AssertSame(TestChain.Snapshot(Seed, height), await store.GetLatestSnapshotAsync(height + 5), $"kept {height}");
        }

        // An older snapshot than the kept ones is pruned at once.
        await store.PutSnapshotAsync(TestChain.Snapshot(Seed, 5));
        Assert.Null(await store.GetLatestSnapshotAsync(29));
    }

    [Fact]
    public async Task CancelledWriteWritesNothing()
    {
        var store = await OpenAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var chain = TestChain.Chain(Seed, 0, 2, Hash256.Zero);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.AppendRangeAsync(chain, cancelled.Token));
        Assert.Null(await store.GetHeadAsync());
    }

    [Fact]
    public async Task DisposedStoreThrows()
    {
        var store = await OpenAsync();
        store.Dispose();
        store.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetHeadAsync());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.AppendAsync(TestChain.Block(Seed, 0, Hash256.Zero, 1)));
    }

    [Fact]
    public async Task ReadersSeeOnlyCommittedContiguousChainsWhileOneWriterAppends()
    {
        var store = await OpenAsync();
        const int Blocks = 120;
        var chain = TestChain.Chain(Seed, 0, Blocks, Hash256.Zero, length: 2000);
        var done = 0;
        var writer = Task.Run(async () =>
        {
            try
            {
                for (var i = 0; i < Blocks; i += 3)
                {
                    await store.AppendRangeAsync(chain[i..Math.Min(i + 3, Blocks)]);
                }
            }
            finally
            {
                Volatile.Write(ref done, 1);
            }
        });
        async Task<int> ReadLoop(int reader)
        {
            var observations = 0;
            long lastHead = -1;
            while (Volatile.Read(ref done) == 0 || observations == 0)
            {
                var head = await store.GetHeadAsync();
                var headHeight = head?.Height ?? -1;
                Assert.True(headHeight >= lastHead, $"reader {reader}: head went back from {lastHead} to {headHeight}");
                Assert.True(headHeight == -1 || (headHeight + 1) % 3 == 0 || headHeight == Blocks - 1,
                    $"reader {reader}: head {headHeight} is inside a batch of 3, so a partial transaction was visible");
                var seen = await ToListAsync(store.ReadRangeAsync(0, headHeight));
                Assert.True(seen.Count == headHeight + 1, $"reader {reader}: head {headHeight} but range 0..head has {seen.Count} blocks");
                for (var i = 0; i < seen.Count; i++)
                {
                    TestChain.AssertSame(chain[i], seen[i], $"reader {reader}, head {headHeight}");
                }

                lastHead = headHeight;
                observations++;
            }

            return observations;
        }

        var readers = await Task.WhenAll(Task.Run(() => ReadLoop(1)), Task.Run(() => ReadLoop(2)));
        await writer;
        Assert.All(readers, n => Assert.True(n > 0));
        TestChain.AssertSame(chain[^1], await store.GetHeadAsync(), "final head");
    }

    [Fact]
    public async Task RandomOperationsMatchAModelChain()
    {
        const int RandomSeed = 424242;
        var rng = new Random(RandomSeed);
        var store = await OpenAsync();
        var model = new List<StoredBlock>();
        var parent = Hash256.Zero;
        for (var step = 0; step < 60; step++)
        {
            var next = model.Count;
            var candidate = TestChain.Chain((ulong)rng.Next(), next, 1 + rng.Next(3), parent, length: rng.Next(0, 300));
            var kind = rng.Next(4);
            var context = $"seed {RandomSeed}, step {step}, kind {kind}, head {next - 1}";
            if (kind == 0 && next > 0)
            {
                candidate[0] = candidate[0] with { Height = rng.Next(next) };
                await Assert.ThrowsAsync<BlockRejectedException>(() => store.AppendRangeAsync(candidate));
            }
            else if (kind == 1 && next > 0)
            {
                candidate[^1] = candidate[^1] with { ParentHash = model[rng.Next(model.Count)].StateRoot };
                if (candidate.Count == 1 && candidate[0].Height == 0)
                {
                    continue;
                }

                var error = await Assert.ThrowsAsync<BlockRejectedException>(() => store.AppendRangeAsync(candidate));
                Assert.True(error.Rejection == BlockRejection.ParentMismatch, $"{context}: {error.Message}");
            }
            else
            {
                await store.AppendRangeAsync(candidate);
                model.AddRange(candidate);
                parent = model[^1].Hash;
            }

            var head = await store.GetHeadAsync();
            Assert.True((head?.Height ?? -1) == model.Count - 1, $"{context}: store head {head?.Height} but model head {model.Count - 1}");
        }

        var all = await ToListAsync(store.ReadRangeAsync(0, long.MaxValue));
        Assert.True(all.Count == model.Count, $"seed {RandomSeed}: {all.Count} stored vs {model.Count} in the model");
        for (var i = 0; i < all.Count; i++)
        {
            TestChain.AssertSame(model[i], all[i], $"seed {RandomSeed}");
        }
    }

    /// <summary>Opens a fresh, empty store.</summary>
    protected abstract Task<IBlockStore> CreateStoreAsync();

    /// <summary>Opens again the store last returned by <see cref="CreateStoreAsync"/>, after it was disposed.</summary>
    protected abstract Task<IBlockStore> ReopenStoreAsync();

    protected static async Task<List<StoredBlock>> ToListAsync(IAsyncEnumerable<StoredBlock> blocks)
    {
        var list = new List<StoredBlock>();
        await foreach (var block in blocks)
        {
            list.Add(block);
        }

        return list;
    }

    protected async Task<IBlockStore> OpenAsync()
    {
        var store = await CreateStoreAsync();
        _opened.Add(store);
        return store;
    }

    private async Task<IBlockStore> ReopenAsync()
    {
        var store = await ReopenStoreAsync();
        _opened.Add(store);
        return store;
    }

    private static void Relink(List<StoredBlock> chain)
    {
        for (var i = 1; i < chain.Count; i++)
        {
            chain[i] = chain[i] with { ParentHash = chain[i - 1].Hash };
        }
    }
}
