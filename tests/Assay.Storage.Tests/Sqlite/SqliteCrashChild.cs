using System.Globalization;
using Assay.Proofs.Hashing;
using Assay.Storage.Sqlite;

namespace Assay.Storage.Tests.Sqlite;

/// <summary>The child process of the crash test: appends blocks to a SQLite store and prints "ACK height" after each append returns, until it is killed.</summary>
internal static class SqliteCrashChild
{
    public const string DatabaseVariable = "ASSAY_STORAGE_CRASH_CHILD_DB";
    public const ulong ChainSeed = 77;
    public const int MaxBlocksPerRun = 5000;

    /// <summary>Block bytes at a height: about a block of 100 transactions, varying a little in length.</summary>
    public static StoredBlock BlockAt(long height, Hash256 parent) =>
        TestChain.Block(ChainSeed, height, parent, TestChain.TypicalBlockBytes + (int)(height % 101));

    public static void Run(string path)
    {
        var stdout = Console.Out;
        using (var store = SqliteBlockStore.Open(path))
        {
            var head = store.GetHeadAsync().GetAwaiter().GetResult();
            var height = head is { } h ? h.Height + 1 : 0;
            var parent = head?.Hash ?? Hash256.Zero;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"READY {height - 1}"));
            stdout.Flush();
            for (var i = 0; i < MaxBlocksPerRun; i++, height++)
            {
                // Every few blocks go in as a batch of three, so a kill also lands inside multi-block transactions.
                if (height % 5 == 0)
                {
                    var a = BlockAt(height, parent);
                    var b = BlockAt(height + 1, a.Hash);
                    var c = BlockAt(height + 2, b.Hash);
                    store.AppendRangeAsync([a, b, c]).GetAwaiter().GetResult();
                    parent = c.Hash;
                    height += 2;
                }
                else
                {
                    var block = BlockAt(height, parent);
                    store.AppendAsync(block).GetAwaiter().GetResult();
                    parent = block.Hash;
                }

                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ACK {height}"));
                stdout.Flush();
            }
        }

        Environment.Exit(0);
    }
}
