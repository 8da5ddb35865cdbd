using System.Diagnostics;

namespace Assay.IntegrationTests.Harness;

/// <summary>A PostgreSQL server for the devnet test: <c>ASSAY_TEST_POSTGRES</c> when set, else a private cluster from scripts/postgres-test-cluster.sh, stopped on dispose.</summary>
/// <remarks>Never skips: when no server can be started, initialisation throws with the script's output and the test fails.
/// Each use gets a fresh database so runs do not see each other's chains.</remarks>
public sealed class PostgresCluster : IAsyncLifetime
{
    public const string ConnectionVariable = "ASSAY_TEST_POSTGRES";
    private const string Script = "scripts/postgres-test-cluster.sh";
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(5);
    private string? _directory;
    private string? _script;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ConnectionString = configured;
            return;
        }

        _script = FindScript();
        _directory = Path.Combine(Path.GetTempPath(), "assay-it-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var (code, stdout, stderr) = await RunAsync("bash", _script, "start", _directory);
        var connection = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (code != 0 || string.IsNullOrEmpty(connection))
        {
            throw new InvalidOperationException($"No PostgreSQL for the devnet test: set {ConnectionVariable} or make '{_script} start' work (exit {code}).\n{stdout}\n{stderr}");
        }

        ConnectionString = connection;
    }

    public async Task DisposeAsync()
    {
        if (_script is not null && _directory is not null)
        {
            await RunAsync("bash", _script, "stop", _directory);
        }
    }

    private static string FindScript()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, Script);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"{ConnectionVariable} is not set and {Script} was not found above {AppContext.BaseDirectory}.");
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot run {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, await stdout, await stderr + "\n(timed out)");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
