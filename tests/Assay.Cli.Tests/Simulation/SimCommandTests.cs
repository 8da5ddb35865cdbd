using Assay.Cli.Commands;
using Assay.Cli.Simulation;

namespace Assay.Cli.Tests.Simulation;

/// <summary><c>assay sim</c> end to end: the invariant table, the fault summary, a single seed's detail and usage errors.</summary>
public sealed class SimCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = AssayCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Seeds_print_every_invariant_and_fault_kind()
    {
        var (code, output, error) = Run("sim", "--seeds", "2", "--first-seed", "40", "--nodes", "6", "--byzantine", "0.34", "--tasks", "4");
        Assert.True(code == SimCommand.ExitOk, output + error);
        Assert.Contains("seeds 40..41 (2), nodes 6 (2 faulty)", output, StringComparison.Ordinal);
        foreach (var name in Enum.GetNames<InvariantKind>().Concat(Enum.GetNames<FaultKind>()))
        {
            Assert.Contains(name, output, StringComparison.Ordinal);
        }

        Assert.Contains("result: every invariant held", output, StringComparison.Ordinal);
    }

    [Fact]
    public void One_seed_prints_its_head_hash_and_reruns_identically()
    {
        var first = Run("sim", "--seed", "42", "--nodes", "5", "--tasks", "3");
        var second = Run("sim", "--seed", "42", "--nodes", "5", "--tasks", "3");
        Assert.True(first.Code == SimCommand.ExitOk, first.Out + first.Err);
        Assert.Matches("seed 42: ok, [0-9]+ blocks over [0-9]+ simulated ms, head [0-9a-f]{64}", first.Out);
        Assert.Equal(first.Out, second.Out);
    }

    [Theory]
    [InlineData("--byzantine", "0.9")]
    [InlineData("--nodes", "2")]
    [InlineData("--seeds", "0")]
    public void Out_of_range_options_are_usage_errors(string option, string value)
    {
        var (code, output, error) = Run("sim", option, value, "--tasks", "1");
        Assert.True(code == SimCommand.ExitError, $"{option} {value}: {output} {error}");
        Assert.StartsWith("error:", error, StringComparison.Ordinal);
    }
}
