using Assay.IntegrationTests.Harness;

namespace Assay.IntegrationTests;

[Collection(NetworkCollection.Name)]
public sealed class PostgresDevnetTests : IClassFixture<PostgresCluster>
{
    private readonly PostgresCluster _postgres;

    public PostgresDevnetTests(PostgresCluster postgres) => _postgres = postgres;

    [Fact]
    public async Task TheSameDevnetRunsOnPostgreSql()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var net = await TestNet.StartAsync(4, cts.Token, _postgres.ConnectionString);
        await DevnetTests.RunNetworkAsync(net, cts.Token);
        var status = await net.Client.GetStatusAsync(cts.Token);
        Assert.True(status.Height > 0);
    }
}
