using System.Text.Json.Nodes;
using Assay.Cli.Samples;
using Assay.Node.Keys;
using Assay.Proofs.Signatures;

namespace Assay.Cli.Devnet;

/// <summary>The files of a devnet data directory: keys, genesis, sample book, node data and logs; written once and reused on a restart.</summary>
public sealed class DevnetLayout
{
    /// <summary>Native minor units each node account holds at genesis (it stakes 10^7 of them).</summary>
    public const ulong NodeFunds = 10_000_000_000;

    /// <summary>Native minor units the requester holds at genesis.</summary>
    public const ulong RequesterFunds = 1_000_000_000_000_000;

    /// <summary>Commit window (blocks). Blocks come every 20 ms while tasks are open, so 150 blocks give a node about 3 s to compute and commit.</summary>
    public const int CommitWindowBlocks = 150;

    /// <summary>Reveal window (blocks), as the commit window.</summary>
    public const int RevealWindowBlocks = 150;

    /// <summary>Shortest challenge window (blocks): about 0.2 s of busy blocks; tasks ask for <see cref="TaskChallengeWindowBlocks"/>.</summary>
    public const int MinChallengeWindowBlocks = 10;

    /// <summary>The challenge window the demo tasks ask for (blocks).</summary>
    public const int TaskChallengeWindowBlocks = 25;

    private DevnetLayout(string root, int nodes)
    {
        Root = root;
        NodeCount = nodes;
    }

    /// <summary>The data directory.</summary>
    public string Root { get; }

    /// <summary>Number of nodes the layout holds keys for.</summary>
    public int NodeCount { get; }

    /// <summary>The genesis file.</summary>
    public string GenesisPath => Path.Combine(Root, "genesis.json");

    /// <summary>The SQLite store the sequencer writes by default.</summary>
    public string LedgerPath => Path.Combine(Root, "ledger.db");

    /// <summary>The bundled sample book, written out.</summary>
    public string BookPath => Path.Combine(Root, "book.csv");

    /// <summary>The requester's key.</summary>
    public string RequesterKeyPath => Path.Combine(Root, "keys", "requester.pem");

    /// <summary>Log directory of the child processes.</summary>
    public string LogDirectory => Path.Combine(Root, "logs");

    /// <summary>The key of node <paramref name="index"/> (1-based).</summary>
    public string NodeKeyPath(int index) => Path.Combine(Root, "keys", $"node-{index}.pem");

    /// <summary>The data directory of node <paramref name="index"/> (1-based).</summary>
    public string NodeDataDirectory(int index) => Path.Combine(Root, "nodes", $"node-{index}");

    /// <summary>Creates the keys, genesis and sample book in <paramref name="root"/>, or reuses those already there.</summary>
    /// <param name="root">The data directory (created when missing).</param>
    /// <param name="nodes">Nodes to create keys for (existing keys are kept; a genesis written for fewer nodes is kept too, and the extra nodes start unfunded).</param>
    /// <param name="nowUnixMs">Genesis time for a new genesis.</param>
    public static DevnetLayout Prepare(string root, int nodes, long nowUnixMs)
    {
        Directory.CreateDirectory(Path.Combine(root, "keys"));
        Directory.CreateDirectory(Path.Combine(root, "logs"));
        var layout = new DevnetLayout(root, nodes);
        var addresses = new List<Address>();
        for (var i = 1; i <= nodes; i++)
        {
            using var key = NodeKeyStore.LoadOrCreate(layout.NodeKeyPath(i), null, out _);
            addresses.Add(key.Address);
        }

        using var requester = NodeKeyStore.LoadOrCreate(layout.RequesterKeyPath, null, out _);
        if (!File.Exists(layout.GenesisPath))
        {
            AtomicFile.WriteAllText(layout.GenesisPath, Genesis(addresses, requester.Address, nowUnixMs));
        }

        if (!File.Exists(layout.BookPath))
        {
            AtomicFile.WriteAllText(layout.BookPath, DevnetSampleBook.Csv);
        }

        return layout;
    }

    /// <summary>The genesis JSON: funded node and requester accounts, no nodes registered (they register themselves), windows in blocks that fit 20 ms blocks.</summary>
    public static string Genesis(IEnumerable<Address> nodes, Address requester, long nowUnixMs)
    {
        var accounts = new JsonArray();
        foreach (var node in nodes)
        {
            accounts.Add(new JsonObject { ["address"] = node.ToString(), ["balances"] = new JsonObject { ["ASY"] = NodeFunds } });
        }

        accounts.Add(new JsonObject { ["address"] = requester.ToString(), ["balances"] = new JsonObject { ["ASY"] = RequesterFunds } });
        var genesis = new JsonObject
        {
            ["timestamp_unix_ms"] = nowUnixMs,
            ["parameters"] = new JsonObject
            {
                ["commit_window_blocks"] = CommitWindowBlocks,
                ["reveal_window_blocks"] = RevealWindowBlocks,
                ["min_challenge_window_blocks"] = MinChallengeWindowBlocks,
            },
            ["accounts"] = accounts,
        };
        return genesis.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
