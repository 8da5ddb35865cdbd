using Assay.Proofs.Hashing;
using Assay.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Assay.Storage.Tests.Sqlite;

/// <summary>The block-store contract on SQLite, plus what only SQLite has: the file's journal mode, identity and schema version.</summary>
public sealed class SqliteBlockStoreTests : BlockStoreContractTests
{
    private readonly TempDirectory _directory = new();

    static SqliteBlockStoreTests() => SQLitePCL.Batteries_V2.Init();

    private string DatabasePath => _directory.File("blocks.db");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task FileIsInWalModeWithTheAssayIdentityAndSchemaVersion()
    {
        using (var store = SqliteBlockStore.Open(DatabasePath))
        {
            await store.AppendAsync(TestChain.Block(1, 0, Hash256.Zero, 10));
        }

        Assert.Equal("wal", Pragma("journal_mode"));
        Assert.Equal(SqliteBlockStore.ApplicationId, Convert.ToInt32(Pragma("application_id"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(SqliteBlockStore.SchemaVersion, Convert.ToInt32(Pragma("user_version"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void UnknownSchemaVersionIsRefusedWithAClearError()
    {
        SqliteBlockStore.Open(DatabasePath).Dispose();
        Execute("PRAGMA user_version = 7;");
        var error = Assert.Throws<BlockStoreSchemaException>(() => SqliteBlockStore.Open(DatabasePath));
        Assert.Contains("schema version 7", error.Message, StringComparison.Ordinal);
        Assert.Contains($"only version {SqliteBlockStore.SchemaVersion}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForeignSqliteFileIsRefused()
    {
        Execute("CREATE TABLE something (x INTEGER);");
        var error = Assert.Throws<BlockStoreSchemaException>(() => SqliteBlockStore.Open(DatabasePath));
        Assert.Contains("not an Assay block store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DamagedBytesAreReportedOnRead()
    {
        using (var store = SqliteBlockStore.Open(DatabasePath))
        {
            await store.AppendRangeAsync(TestChain.Chain(3, 0, 3, Hash256.Zero));
            await store.PutSnapshotAsync(TestChain.Snapshot(3, 2));
        }

        Execute("UPDATE blocks SET encoded = zeroblob(length(encoded)) WHERE height = 1; UPDATE snapshots SET encoded = x'00';");
        using var reopened = SqliteBlockStore.Open(DatabasePath);
        var block = await Assert.ThrowsAsync<BlockStoreCorruptionException>(() => reopened.GetBlockAsync(1));
        Assert.True(block.Table == "blocks" && block.Height == 1, block.Message);
        await Assert.ThrowsAsync<BlockStoreCorruptionException>(() => ToListAsync(reopened.ReadRangeAsync(0, 2)));
        var snapshot = await Assert.ThrowsAsync<BlockStoreCorruptionException>(() => reopened.GetLatestSnapshotAsync(2));
        Assert.True(snapshot.Table == "snapshots" && snapshot.Height == 2, snapshot.Message);
    }

    [Fact]
    public void InvalidRetentionIsAnArgumentError()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SqliteBlockStore.Open(DatabasePath, snapshotsKept: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SqliteBlockStore.Open(DatabasePath, snapshotsKept: BlockStoreLimits.MaxSnapshotsKept + 1));
    }

    [Fact]
    public async Task TwoStoresOnOneFileSerialiseTheirWrites()
    {
        using var first = SqliteBlockStore.Open(DatabasePath);
        using var second = SqliteBlockStore.Open(DatabasePath);
        var chain = TestChain.Chain(8, 0, 2, Hash256.Zero);
        await first.AppendAsync(chain[0]);
        var rivals = await Task.WhenAll(
            Task.Run(() => Attempt(first, chain[1])),
            Task.Run(() => Attempt(second, TestChain.Block(9, 1, chain[0].Hash, 10))));
        Assert.True(rivals.Count(ok => ok) == 1, $"exactly one of two concurrent appends at height 1 must win; got {string.Join(",", rivals)}");
        Assert.Equal(1, (await second.GetHeadAsync())?.Height);
        Assert.Equal(1, (await first.GetHeadAsync())?.Height);

        static async Task<bool> Attempt(IBlockStore store, StoredBlock block)
        {
            try
            {
                await store.AppendAsync(block);
                return true;
            }
            catch (BlockRejectedException)
            {
                return false;
            }
        }
    }

    protected override Task<IBlockStore> CreateStoreAsync() => Task.FromResult<IBlockStore>(SqliteBlockStore.Open(DatabasePath));

    protected override Task<IBlockStore> ReopenStoreAsync() => CreateStoreAsync();

    private object? Pragma(string name)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return command.ExecuteScalar();
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
