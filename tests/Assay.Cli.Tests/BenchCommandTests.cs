using System.Text.Json;

namespace Assay.Cli.Tests;

public sealed class BenchCommandTests
{
    [Fact]
    public void Json_output_lists_every_pricing_benchmark_per_thread_count()
    {
        var (code, stdout, stderr) = CliRunner.Run("bench", "pricing", "--quick", "--json");

        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var results = doc.RootElement.GetProperty("results").EnumerateArray().ToList();
        foreach (var name in new[] { "bsm_greeks", "implied_vol", "american", "heston" })
        {
            var rows = results.Where(r => r.GetProperty("name").GetString() == name).ToList();
            Assert.Contains(rows, r => r.GetProperty("threads").GetInt32() == 1);
            Assert.All(rows, r => Assert.True(r.GetProperty("ns_per_item").GetDouble() > 0, $"{name}: ns_per_item must be positive"));
        }
    }
}
