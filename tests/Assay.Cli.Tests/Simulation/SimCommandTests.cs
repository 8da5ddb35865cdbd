using Assay.Cli.Commands;
using Assay.Ledger.State;
using Assay.Simulation;

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

    /// <summary>A rule that credits one unit of the native asset from nowhere at block 6.</summary>
    private static void MintAtBlockSix(LedgerState state, ulong height)
    {
        if (height != 6)
        {
            return;
        }

        var (address, account) = state.Accounts.First();
        state.Begin();
        state.SetAccount(address, account.WithBalance("ASY", account.BalanceOf("ASY") + 1));
        state.Commit();
    }

    [Fact]
    public void A_broken_invariant_exits_2_and_prints_the_seed_and_the_rerun_line()
    {
        const int Seed = 11;
        var template = new SimulationOptions { Nodes = 6, ByzantineFraction = 0.25, Tasks = 5, BrokenRule = MintAtBlockSix };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = SimCommand.Run(template, Seed, 1, false, stdout, stderr, null);
        var text = stdout + "\n" + stderr;
        Assert.True(code == SimCommand.ExitInvariantBroken, text);
        Assert.Contains($"FAILED seed {Seed}: ValueConserved at height 6", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains($"rerun: assay sim --seed {Seed} ", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains($"FAILED seed {Seed}: ReplayReproducesRoots", stderr.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"ValueConserved\s+0\s+1\s+11", stdout.ToString());
    }

    /// <summary>Mints at block 6 only in runs whose first node's address starts with an even byte: some seeds fail, others pass.</summary>
    private static void MintAtBlockSixInSomeRuns(LedgerState state, ulong height)
    {
        if (height == 6 && state.Nodes.First().Key.ToArray()[0] % 2 == 0)
        {
            MintAtBlockSix(state, height);
        }
    }

    [Fact]
    public void A_failing_seed_reproduces_alone_with_its_printed_rerun_line()
    {
        var template = new SimulationOptions { Nodes = 5, ByzantineFraction = 0.4, Tasks = 3, BrokenRule = MintAtBlockSixInSomeRuns };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = SimCommand.Run(template, 21, 6, false, stdout, stderr, null);
        var batch = stderr.ToString();
        Assert.True(code == SimCommand.ExitInvariantBroken, stdout + batch);
        var reruns = System.Text.RegularExpressions.Regex.Matches(batch, @"rerun: assay sim (.+)").Select(m => m.Groups[1].Value.Trim()).ToList();
        Assert.True(reruns.Count is > 0 and < 6, $"seeds 21..26 should fail only in part: {batch}");
        foreach (var line in reruns)
        {
            // Parse the printed flags back into options, as a person pasting the line would run them.
            var args = line.Split(' ');
            string Flag(string name) => args[Array.IndexOf(args, name) + 1];
            var seed = int.Parse(Flag("--seed"), System.Globalization.CultureInfo.InvariantCulture);
            var alone = new SimulationOptions
            {
                Nodes = int.Parse(Flag("--nodes"), System.Globalization.CultureInfo.InvariantCulture),
                ByzantineFraction = double.Parse(Flag("--byzantine"), System.Globalization.CultureInfo.InvariantCulture),
                Tasks = int.Parse(Flag("--tasks"), System.Globalization.CultureInfo.InvariantCulture),
                BrokenRule = MintAtBlockSixInSomeRuns,
            };
            using var aloneOut = new StringWriter();
            using var aloneErr = new StringWriter();
            Assert.Equal(SimCommand.ExitInvariantBroken, SimCommand.Run(alone, seed, 1, true, aloneOut, aloneErr, null));
            var expected = batch.Split('\n').Where(l => l.StartsWith($"FAILED seed {seed}:", StringComparison.Ordinal) || l.StartsWith($"rerun: assay sim --seed {seed} ", StringComparison.Ordinal));
            var actual = aloneErr.ToString().Split('\n').Where(l => l.Length > 0);
            Assert.Equal(expected, actual);
        }
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
