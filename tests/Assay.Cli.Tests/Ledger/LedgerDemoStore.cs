namespace Assay.Cli.Tests.Ledger;

/// <summary>A demo chain written once by <c>assay ledger demo</c> into a temporary directory, shared by the read-only tests.</summary>
public sealed class LedgerDemoStore : IDisposable
{
    public const int Blocks = 14;
    public const int Seed = 3;
    public const int SnapshotEvery = 5;

    public LedgerDemoStore()
    {
        Directory = Path.Combine(Path.GetTempPath(), "assay-ledger-cli-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Path_ = System.IO.Path.Combine(Directory, "demo.db");
        var (code, stdout, stderr) = CliRunner.Run("ledger", "demo", "--store", Path_, "--blocks", $"{Blocks}", "--seed", $"{Seed}", "--snapshot-every", $"{SnapshotEvery}");
        if (code != 0)
        {
            throw new InvalidOperationException($"ledger demo failed ({code}): {stdout} {stderr}");
        }
    }

    public string Directory { get; }

    public string Path_ { get; }

    /// <summary>A copy of the demo store in a new file (for tests that corrupt it).</summary>
    public string Copy(string name)
    {
        var target = System.IO.Path.Combine(Directory, name);
        File.Copy(Path_, target);
        return target;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind is harmless.
        }
    }
}
