using Assay.Client;
using Assay.Compute;
using Assay.Compute.Kinds;
using Assay.Compute.Tasks;
using Assay.Ledger.Blocks;
using Assay.Ledger.State;
using Assay.Pricing.Engines.Analytic;
using Assay.Pricing.Instruments;
using Assay.Proofs.Canonical;
using Assay.Proofs.Signatures;
using Assay.Proofs.SpotCheck;

namespace Assay.Sequencer.Tests;

/// <summary>A sequencer on a free loopback port with a fresh data directory and a small genesis: 4 funded accounts, 4 analytic nodes.</summary>
public sealed class TestNetwork : IAsyncDisposable
{
    public const string Native = "ASY";
    public const ulong Funding = 1_000_000_000_000;
    public const int NodeCount = 4;

    private TestNetwork(string directory, SequencerOptions options, SequencerHost host)
    {
        Directory = directory;
        Options = options;
        Host = host;
        Client = new AssayClient(host.BaseAddress) { RequestTimeout = TimeSpan.FromSeconds(30) };
    }

    public string Directory { get; }

    public SequencerOptions Options { get; private set; }

    public SequencerHost Host { get; private set; }

    public AssayClient Client { get; private set; }

    public static SigningKey Account(int i) => Key(i);

    public static SigningKey Node(int i) => Key(100 + i);

    public static GenesisConfig Genesis(long timestampUnixMs, ulong windowBlocks = 150)
    {
        var parameters = new ProtocolParameters
        {
            MinStakeMinorUnits = 1_000_000, CommitWindowBlocks = windowBlocks, RevealWindowBlocks = windowBlocks, MinChallengeWindowBlocks = 2, UnbondingPeriodBlocks = 4,
        };
        var accounts = Enumerable.Range(0, 4).Select(i => new GenesisAccount(Account(i).Address, new Dictionary<string, ulong> { [Native] = Funding })).ToList();
        var caps = NodeCapabilities.TryCreate(["analytic"], 2, 1_024, out _)!;
        var nodes = Enumerable.Range(0, NodeCount).Select(i => new GenesisNode(Node(i).Address, 10_000_000, caps)).ToList();
        return new GenesisConfig(timestampUnixMs, parameters, accounts, nodes);
    }

    /// <summary>Options for a sequencer in <paramref name="directory"/>: port 0, short block interval, the given idle interval.</summary>
    public static SequencerOptions OptionsFor(string directory, int idleMs = 100, int blockMs = 10, int mempool = 1_000, long maxBody = SequencerOptions.DefaultMaxBodyBytes) => new()
    {
        Port = 0,
        DataDirectory = directory,
        Genesis = Genesis(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 60_000),
        BlockIntervalMs = blockMs,
        IdleBlockIntervalMs = idleMs,
        MempoolCapacity = mempool,
        MaxBodyBytes = maxBody,
        SnapshotEvery = 16,
        MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
    };

    public static async Task<TestNetwork> StartAsync(Func<string, SequencerOptions>? options = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "assay-seq-" + Guid.NewGuid().ToString("N"));
        var chosen = (options ?? (d => OptionsFor(d)))(directory);
        return new TestNetwork(directory, chosen, await SequencerHost.StartAsync(chosen));
    }

    /// <summary>Stops the sequencer and starts a new one on the same data directory (no genesis given).</summary>
    public async Task RestartAsync(Func<SequencerOptions, SequencerOptions>? change = null)
    {
        Client.Dispose();
        await Host.DisposeAsync();
        var options = change?.Invoke(Options) ?? Options;
        Options = options;
        Host = await SequencerHost.StartAsync(options);
        Client = new AssayClient(Host.BaseAddress) { RequestTimeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>A 4-position PriceBook task, r = 3, q = 2, 2 uniform + 1 mass spot checks, a 2-block challenge window.</summary>
    public static TaskSpec PriceBookSpec(ulong seed)
    {
        var positions = Enumerable.Range(0, 4).Select(i => new PriceBookPosition(
            new BlackScholesParameters(i % 2 == 0 ? OptionType.Call : OptionType.Put, 100.0, 90.0 + i, 0.5, 0.03, 0.01, 0.2 + (0.01 * i)), 1.0 + i)).ToArray();
        var policy = new VerificationPolicy(3, 2, new SpotCheckPolicy(2, 1, PriceBookKind.GrossValueLane), 0.0, 2, 1000);
        return new TaskSpec(TaskKindIds.PriceBook, EngineVersion.Current, CanonicalEncoding.Encode(new PriceBookInputs(positions)), positions.Length, seed, policy, 9_000_000,
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 3_600_000);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }

    private static SigningKey Key(int index)
    {
        var scalar = new byte[32];
        scalar[0] = 0x22;
        scalar[30] = (byte)(index >> 8);
        scalar[31] = (byte)(index + 1);
        return SigningKey.FromPrivateScalar(scalar);
    }
}
