using System.Diagnostics;
using Npgsql;

namespace Assay.Storage.Tests.Postgres;

/// <summary>A PostgreSQL server for the tests: <c>ASSAY_TEST_POSTGRES</c> when set, otherwise a private cluster started by scripts/postgres-test-cluster.sh and stopped on dispose.</summary>
/// <remarks>Never skips: when no server can be started, initialisation throws with the script's output and every PostgreSQL test fails.</remarks>
public sealed class PostgresClusterFixture : IAsyncLifetime
{
    public const string ConnectionVariable = "ASSAY_TEST_POSTGRES";
    private const string ScriptRelativePath = "scripts/postgres-test-cluster.sh";
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(5);

    private string? _clusterDirectory;
    private string? _script;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            ConnectionString = fromEnvironment;
        }
        else
        {
            _script = FindScript();
            _clusterDirectory = Path.Combine(Path.GetTempPath(), "assay-pg-" + Guid.NewGuid().ToString("N"));
            var (exitCode, stdout, stderr) = await RunScriptAsync(_script, "start", _clusterDirectory);
            var connection = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
            if (exitCode != 0 || string.IsNullOrEmpty(connection))
            {
                await DisposeAsync();
                throw new InvalidOperationException(
                    $"No PostgreSQL server for the tests: set {ConnectionVariable} or make '{_script} start' work. It exited with {exitCode}.\nstdout:\n{stdout}\nstderr:\n{stderr}");
            }

            ConnectionString = connection;
        }

        // Fail here, with the connection string, rather than in every test; stop a cluster that started but does not answer.
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
            await using var command = dataSource.CreateCommand("SELECT 1;");
            await command.ExecuteScalarAsync();
        }
        catch (Exception error) when (error is NpgsqlException or InvalidOperationException)
        {
            await DisposeAsync();
            throw new InvalidOperationException($"The PostgreSQL server at '{ConnectionString}' does not answer: {error.Message}", error);
        }
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_script is not null && _clusterDirectory is not null)
        {
            var directory = _clusterDirectory;
            _clusterDirectory = null;
            await RunScriptAsync(_script, "stop", directory);
        }
    }

    /// <summary>A schema name no other test uses.</summary>
    public static string NewSchemaName() => "assay_test_" + Guid.NewGuid().ToString("N");

    public async Task DropSchemaAsync(string schema)
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE;");
        await command.ExecuteNonQueryAsync();
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static string FindScript()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, ScriptRelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"No PostgreSQL server for the tests: {ConnectionVariable} is not set and {ScriptRelativePath} was not found above {AppContext.BaseDirectory}.");
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunScriptAsync(string script, string verb, string directory)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(verb);
        start.ArgumentList.Add(directory);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run bash {script}.");
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
            return (-1, await stdout, await stderr + $"\n(timed out after {ScriptTimeout})");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
