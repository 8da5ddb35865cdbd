using System.Diagnostics;
using System.Text.RegularExpressions;
using Assay.Cli.Devnet;
using Assay.IntegrationTests.Harness;

namespace Assay.IntegrationTests;

[Collection(NetworkCollection.Name)]
public sealed partial class CliTests
{
    [Fact]
    public async Task TaskSubmitWatchShowAndAccountShowWorkThroughTheRealBinary()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = cts.Token;
        using var net = await TestNet.StartAsync(1, ct);
        net.StartNode(1);
        await net.WaitForNodesAsync(1, ct);
        var spec = Path.Combine(net.Layout.Root, "spec.json");
        var url = net.Url.ToString();

        var created = await RunAsync(ct, "task", "new", "--kind", "pricebook", "--book", net.Layout.BookPath, "--out", spec);
        Assert.True(created.Code == 0, created.Output);
        var submitted = await RunAsync(
            ct, "task", "submit", "--spec", spec, "--key", net.Layout.RequesterKeyPath, "--sequencer", url, "--fee", "9000000", "--tolerance-z", "0", "--challenge-window", "25");
        Assert.True(submitted.Code == 0, submitted.Output);
        var id = TaskIdLine().Match(submitted.Output).Groups[1].Value;
        Assert.Matches("^[0-9a-f]{64}$", id);

        var watched = await RunAsync(ct, "task", "watch", id, "--sequencer", url, "--timeout-seconds", "90");
        Assert.True(watched.Code == 0, watched.Output + "\n" + net.Logs());
        Assert.Contains("phase final", watched.Output, StringComparison.Ordinal);

        var shown = await RunAsync(ct, "task", "show", id, "--sequencer", url);
        Assert.True(shown.Code == 0, shown.Output);
        Assert.Contains("phase: final", shown.Output, StringComparison.Ordinal);
        Assert.Contains(net.NodeAddresses[0] + " rewarded", shown.Output, StringComparison.Ordinal);

        var account = await RunAsync(ct, "account", "show", net.NodeAddresses[0].ToString(), "--sequencer", url);
        Assert.True(account.Code == 0, account.Output);
        Assert.Contains("node: stake 10000000, status active", account.Output, StringComparison.Ordinal);
        Assert.Matches(@"balance ASY: \d+", account.Output);

        var unknown = await RunAsync(ct, "task", "show", new string('0', 64), "--sequencer", url);
        Assert.Equal(1, unknown.Code);
        var badAddress = await RunAsync(ct, "account", "show", "nope", "--sequencer", url);
        Assert.Equal(1, badAddress.Code);
        Assert.Contains("ADDRESS", badAddress.Output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> RunAsync(CancellationToken ct, params string[] args)
    {
        var (file, prefix) = ChildProcess.AssayCommandLine();
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in prefix.Concat(args))
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, $"assay {string.Join(' ', args)} → {process.ExitCode}\n{await stdout}{await stderr}");
    }

    [GeneratedRegex(@"task_id: ([0-9a-f]{64})")]
    private static partial Regex TaskIdLine();
}
