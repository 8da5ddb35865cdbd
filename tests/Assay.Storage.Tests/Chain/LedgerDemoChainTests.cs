using Assay.Ledger.Blocks;
using Assay.Ledger.State;
using Assay.Storage.Chain;
using Assay.Storage.Sqlite;
using Assay.Storage.Tests.Sqlite;
using Microsoft.Data.Sqlite;

namespace Assay.Storage.Tests.Chain;

/// <summary>The demo chain writer (what <c>assay ledger demo</c> will call): tasks reach finality, some transfers are rejected, and a reopened store proves accounts.</summary>
public sealed class LedgerDemoChainTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    static LedgerDemoChainTests() => SQLitePCL.Batteries_V2.Init();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task DemoChainSettlesTasksReplaysAndProvesAccountsAfterReopen()
    {
        const int seed = 42;
        var path = _directory.File("demo.db");
        BlockHeader head;
        using (var store = SqliteBlockStore.Open(path))
        {
            var heights = new List<long>();
            var chain = await LedgerDemoChain.WriteAsync(store, 20, seed, new LedgerChainOptions(8), new Progress(heights.Add));
            head = chain.Ledger.Head;
            Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), heights);
            Assert.True(chain.Ledger.State.Tasks.Count(t => t.Phase == TaskPhase.Final) >= 2, $"seed {seed}: expected two final tasks");
            var outcomes = new List<bool>();
            for (var h = 1; h <= 20; h++)
            {
                outcomes.AddRange((await LedgerChain.ReadBlockAsync(store, h))!.Outcomes.Select(o => o.Result.IsAccepted));
            }

            Assert.Contains(false, outcomes);
            Assert.True(outcomes.Count(o => o) > 60, $"seed {seed}: {outcomes.Count(o => o)} accepted");
        }

        using (var store = SqliteBlockStore.Open(path))
        {
            var reopened = await LedgerChain.OpenAsync(store, new LedgerChainOptions(8));
            Assert.Equal(16, reopened.RestoredFromHeight);
            Assert.Equal(head, reopened.Ledger.Head);
            for (var i = 0; i < LedgerDemoChain.AccountCount; i++)
            {
                var proof = reopened.Ledger.ProveAccount(LedgerDemoChain.Key(i).Address);
                Assert.NotNull(proof);
                Assert.True(proof!.Verify(head.StateRoot), $"seed {seed}: account {i} proof");
            }

            Assert.True((await LedgerChain.ReplayAsync(store, new LedgerChainOptions(8), fromGenesis: true)).AllMatch);
            await Assert.ThrowsAsync<LedgerChainException>(() => LedgerDemoChain.WriteAsync(store, 1, seed, new LedgerChainOptions(8)));
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => LedgerDemoChain.WriteAsync(store, -1, seed, new LedgerChainOptions(8)));
        }
    }

    private sealed class Progress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
