using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Assay.Cli.Devnet;
using Assay.Cli.Tasks;
using Assay.Client;
using Assay.Ledger.Views;
using Assay.Node.Keys;
using Assay.Proofs.Hashing;
using Assay.Proofs.Signatures;

namespace Assay.IntegrationTests.Harness;

/// <summary>A real network on 127.0.0.1 for one test: a sequencer process and node processes of the built <c>assay</c>, in a temporary directory, on a free port.</summary>
public sealed class TestNet : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly List<ChildProcess> _nodes = [];
    private readonly string? _store;
    private readonly string _schema = "assay_it_" + Guid.NewGuid().ToString("N")[..12];
    private ChildProcess? _sequencer;

    private TestNet(DevnetLayout layout, int port, string? store)
    {
        Layout = layout;
        Port = port;
        _store = store;
        Url = new Uri($"http://127.0.0.1:{port}/");
        Client = new AssayClient(Url);
    }

    /// <summary>The data directory's files.</summary>
    public DevnetLayout Layout { get; }

    /// <summary>The sequencer's port.</summary>
    public int Port { get; }

    /// <summary>The sequencer's base URL.</summary>
    public Uri Url { get; }

    /// <summary>A client of the sequencer.</summary>
    public AssayClient Client { get; }

    /// <summary>The addresses of the nodes (1-based index − 1).</summary>
    public IReadOnlyList<Address> NodeAddresses => [.. Enumerable.Range(1, Layout.NodeCount).Select(i => KeyAddress(Layout.NodeKeyPath(i)))];

    /// <summary>Creates the keys and genesis for <paramref name="nodes"/> nodes and starts the sequencer (nodes are started by <see cref="StartNode"/>).</summary>
    public static async Task<TestNet> StartAsync(int nodes, CancellationToken ct, string? store = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "assay-it-" + Guid.NewGuid().ToString("N")[..12]);
        var layout = DevnetLayout.Prepare(dir, nodes, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var net = new TestNet(layout, FreePort(), store);
        try
        {
            await net.StartSequencerAsync(ct);
        }
        catch
        {
            net.Dispose();
            throw;
        }

        return net;
    }

    /// <summary>Starts the sequencer process (again, after a kill: it resumes from its store) and waits until it answers.</summary>
    public async Task StartSequencerAsync(CancellationToken ct)
    {
        var args = new List<string> { "sequencer", "run", "--data", Layout.Root, "--genesis", Layout.GenesisPath, "--port", Port.ToString(CultureInfo.InvariantCulture) };
        if (_store is not null)
        {
            // A schema of its own, so that a shared server (ASSAY_TEST_POSTGRES) never hands this test another run's chain.
            args.AddRange(["--store", _store, "--store-schema", _schema]);
        }

        _sequencer?.Dispose();
        _sequencer = ChildProcess.Start("sequencer", args, Path.Combine(Layout.LogDirectory, "sequencer.log"));
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                await Client.GetStatusAsync(ct);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or AssayApiException)
            {
                if (DateTime.UtcNow > deadline || _sequencer.HasExited)
                {
                    throw new InvalidOperationException($"the sequencer did not start: {e.Message}\n{Log("sequencer")}");
                }

                await Task.Delay(100, ct);
            }
        }
    }

    /// <summary>Three nodes: node 1 a watcher offering only 'montecarlo', nodes 2 and 3 wrong-result nodes that are the only 'analytic' ones, so both are drawn for every PriceBook task and falsify it identically (their roots agree).</summary>
    /// <returns>The network and the watcher's address.</returns>
    public static async Task<(TestNet Net, Address Watcher)> StartWatcherAndColludersAsync(CancellationToken ct)
    {
        var net = await StartAsync(3, ct);
        try
        {
            net.StartNode(1, "--watcher", "--kinds", "montecarlo");
            net.StartNode(2, "--fault", "wrong-result", "--kinds", "analytic");
            net.StartNode(3, "--fault", "wrong-result", "--kinds", "analytic");
            await net.WaitForNodesAsync(3, ct);
            return (net, net.NodeAddresses[0]);
        }
        catch
        {
            net.Dispose();
            throw;
        }
    }

    /// <summary>Kills the sequencer at once (SIGKILL), as a crash would.</summary>
    public void KillSequencer() => _sequencer?.KillHard();

    /// <summary>Starts node <paramref name="index"/> (1-based) with extra flags.</summary>
    public ChildProcess StartNode(int index, params string[] flags)
    {
        var args = new List<string> { "node", "run", "--sequencer", Url.ToString(), "--key", Layout.NodeKeyPath(index), "--data", Layout.NodeDataDirectory(index), "--cores", "1" };
        args.AddRange(flags);
        var child = ChildProcess.Start($"node-{index}", args, Path.Combine(Layout.LogDirectory, $"node-{index}.log"));
        _nodes.Add(child);
        return child;
    }

    /// <summary>Waits until <paramref name="count"/> nodes are registered on the ledger.</summary>
    public async Task WaitForNodesAsync(int count, CancellationToken ct)
    {
        while ((await Client.GetNodesAsync(ct)).Count < count)
        {
            await Task.Delay(100, ct);
        }
    }

    /// <summary>Polls the task until <paramref name="done"/> holds; returns the last view.</summary>
    public async Task<TaskView> WaitForTaskAsync(Hash256 id, Func<TaskView, bool> done, CancellationToken ct)
    {
        while (true)
        {
            var view = await Client.GetTaskAsync(id, ct);
            if (view is not null && done(view))
            {
                return view;
            }

            await Task.Delay(20, ct);
        }
    }

    /// <summary>A requester signing with the devnet's funded requester key.</summary>
    public DevnetRequester Requester(int seed)
    {
        var key = NodeKeyStore.LoadOrCreate(Layout.RequesterKeyPath, null, out _);
        return new DevnetRequester(Client, key, PriceBookCsv.Read(Layout.BookPath), seed);
    }

    /// <summary>The log of a child process (for failure messages), truncated to its last 6 000 characters.</summary>
    public string Log(string name)
    {
        var path = Path.Combine(Layout.LogDirectory, name + ".log");
        if (!File.Exists(path))
        {
            return $"(no {name}.log)";
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var text = new StreamReader(stream).ReadToEnd();
        return $"--- {name}.log ---\n" + (text.Length > 6000 ? text[^6000..] : text);
    }

    /// <summary>All logs, for failure messages.</summary>
    public string Logs() => string.Join("\n", new[] { "sequencer" }.Concat(Enumerable.Range(1, Layout.NodeCount).Select(i => $"node-{i}")).Select(Log));

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var node in _nodes)
        {
            node.Dispose();
        }

        _sequencer?.Dispose();
        Client.Dispose();
        try
        {
            Directory.Delete(Layout.Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp directory is cleaned by the system.
        }
    }

    private static Address KeyAddress(string path)
    {
        using var key = NodeKeyStore.LoadOrCreate(path, null, out _);
        return key.Address;
    }

    /// <summary>A TCP port free on the loopback interface right now.</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
