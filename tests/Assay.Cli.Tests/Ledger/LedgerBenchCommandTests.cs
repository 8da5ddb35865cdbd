namespace Assay.Cli.Tests.Ledger;

public sealed class LedgerBenchCommandTests
{
    [Fact]
    public void Bench_ledger_quick_prints_every_measure_for_both_workloads()
    {
        var (code, stdout, stderr) = CliRunner.Run("bench", "ledger", "--quick");
        Assert.True(code == 0, $"exit {code}; {stdout} {stderr}");
        foreach (var workload in new[] { "transfers", "transfers+tasks+commits+reveals" })
        {
            foreach (var measure in new[] { "apply, signatures checked", "apply, signatures cached", "SQLite commit per block", "replay from genesis (SQLite)" })
            {
                Assert.Contains($"| {workload} | {measure} |", stdout, StringComparison.Ordinal);
            }
        }

        // The replay re-executes every transaction the workload applied: 20 blocks of 31 transfers.
        Assert.Contains("| transfers | replay from genesis (SQLite) | 20 | 620 |", stdout, StringComparison.Ordinal);
    }
}
