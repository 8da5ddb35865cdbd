using Assay.Proofs.Hashing;
using Assay.Storage.Postgres;

namespace Assay.Storage.Tests.Postgres;

/// <summary>The block-store contract on PostgreSQL, plus schema versioning and corruption detection; every test has its own schema.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresBlockStoreTests : BlockStoreContractTests
{
    private readonly PostgresClusterFixture _cluster;
    private readonly string _schema = PostgresClusterFixture.NewSchemaName();

    public PostgresBlockStoreTests(PostgresClusterFixture cluster) => _cluster = cluster;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _cluster.DropSchemaAsync(_schema);
    }

    [Fact]
    public async Task SchemaIsCreatedOnOpenWithItsVersion()
    {
        using (await PostgresBlockStore.OpenAsync(_cluster.ConnectionString, _schema))
        {
        }

        await using var dataSource = Npgsql.NpgsqlDataSource.Create(_cluster.ConnectionString);
        await using var command = dataSource.CreateCommand($"SELECT value FROM {_schema}.assay_meta WHERE key = 'schema_version';");
        Assert.Equal("1", await command.ExecuteScalarAsync() as string);
    }

    [Fact]
    public async Task UnknownSchemaVersionIsRefusedWithAClearError()
    {
        using (await PostgresBlockStore.OpenAsync(_cluster.ConnectionString, _schema))
        {
        }

        await _cluster.ExecuteAsync($"UPDATE {_schema}.assay_meta SET value = '9' WHERE key = 'schema_version';");
        var error = await Assert.ThrowsAsync<BlockStoreSchemaException>(() => PostgresBlockStore.OpenAsync(_cluster.ConnectionString, _schema));
        Assert.Contains("schema version 9", error.Message, StringComparison.Ordinal);
        Assert.Contains($"only version {PostgresBlockStore.SchemaVersion}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Public")]
    [InlineData("x; DROP TABLE y")]
    [InlineData("1abc")]
    public async Task SchemaNameMustBeAPlainIdentifier(string schema)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => PostgresBlockStore.OpenAsync(_cluster.ConnectionString, schema));
    }

    [Fact]
    public async Task DamagedBytesAreReportedOnRead()
    {
        using (var store = await PostgresBlockStore.OpenAsync(_cluster.ConnectionString, _schema))
        {
            await store.AppendRangeAsync(TestChain.Chain(3, 0, 3, Hash256.Zero));
            await store.PutSnapshotAsync(TestChain.Snapshot(3, 2));
        }

        await _cluster.ExecuteAsync($"UPDATE {_schema}.blocks SET encoded = '\\x00' WHERE height = 1; UPDATE {_schema}.snapshots SET encoded = '\\x00';");
        using var reopened = await PostgresBlockStore.OpenAsync(_cluster.ConnectionString, _schema);
        var block = await Assert.ThrowsAsync<BlockStoreCorruptionException>(() => reopened.GetBlockAsync(1));
        Assert.True(block.Table == "blocks" && block.Height == 1, block.Message);
        var snapshot = await Assert.ThrowsAsync<BlockStoreCorruptionException>(() => reopened.GetLatestSnapshotAsync(2));
        Assert.True(snapshot.Table == "snapshots" && snapshot.Height == 2, snapshot.Message);
    }

    [Fact]
    public async Task TwoStoresOnOneSchemaSerialiseTheirWrites()
    {
        using var first = await PostgresBlockStore.OpenAsync(_cluster.ConnectionString, _schema);
        using var second = await PostgresBlockStore.OpenAsync(_cluster.ConnectionString, _schema);
        var chain = TestChain.Chain(8, 0, 2, Hash256.Zero);
        await first.AppendAsync(chain[0]);
        var rivals = await Task.WhenAll(
            Attempt(first, chain[1]),
            Attempt(second, TestChain.Block(9, 1, chain[0].Hash, 10)));
        Assert.True(rivals.Count(ok => ok) == 1, $"exactly one of two concurrent appends at height 1 must win; got {string.Join(",", rivals)}");
        Assert.Equal(1, (await second.GetHeadAsync())?.Height);

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

    protected override async Task<IBlockStore> CreateStoreAsync() =>
        await PostgresBlockStore.OpenAsync(_cluster.ConnectionString, _schema);

    protected override Task<IBlockStore> ReopenStoreAsync() => CreateStoreAsync();
}
