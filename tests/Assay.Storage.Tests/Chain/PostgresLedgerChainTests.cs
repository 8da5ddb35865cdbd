using Assay.Storage.Postgres;
using Assay.Storage.Tests.Postgres;

namespace Assay.Storage.Tests.Chain;

/// <summary>The ledger-chain contract on PostgreSQL (one schema per test, on the shared test cluster).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresLedgerChainTests : LedgerChainContractTests
{
    private readonly PostgresClusterFixture _cluster;
    private readonly string _schema = PostgresClusterFixture.NewSchemaName();

    public PostgresLedgerChainTests(PostgresClusterFixture cluster) => _cluster = cluster;

    /// <inheritdoc/>
    protected override async Task<IBlockStore> OpenStoreAsync() => await PostgresBlockStore.OpenAsync(_cluster.ConnectionString, _schema);

    /// <inheritdoc/>
    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _cluster.DropSchemaAsync(_schema);
    }
}
