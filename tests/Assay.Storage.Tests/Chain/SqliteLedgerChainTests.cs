using Assay.Storage.Sqlite;
using Assay.Storage.Tests.Sqlite;
using Microsoft.Data.Sqlite;

namespace Assay.Storage.Tests.Chain;

/// <summary>The ledger-chain contract on SQLite (one file per test).</summary>
public sealed class SqliteLedgerChainTests : LedgerChainContractTests
{
    private readonly TempDirectory _directory = new();

    static SqliteLedgerChainTests() => SQLitePCL.Batteries_V2.Init();

    /// <inheritdoc/>
    protected override Task<IBlockStore> OpenStoreAsync() => Task.FromResult<IBlockStore>(SqliteBlockStore.Open(_directory.File("chain.db")));

    /// <inheritdoc/>
    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
