namespace Assay.Storage.Tests.Postgres;

/// <summary>Test classes that share one PostgreSQL cluster; each test uses its own schema.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresClusterFixture>
{
    public const string Name = "postgres";
}
