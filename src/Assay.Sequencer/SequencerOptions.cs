using Assay.Ledger.Blocks;

namespace Assay.Sequencer;

/// <summary>Settings of one sequencer: where it listens, where its chain is stored, how it produces blocks, and its limits.</summary>
/// <remarks>
/// The store is <see cref="StoreConnectionString"/> when it starts with <c>Host=</c> (PostgreSQL), else the SQLite file
/// <c>ledger.db</c> in <see cref="DataDirectory"/> (or the file <see cref="StoreConnectionString"/> names). A genesis
/// (<see cref="GenesisPath"/> or <see cref="Genesis"/>) is needed only to create a chain in an empty store.
/// </remarks>
public sealed record SequencerOptions
{
    /// <summary>Default port.</summary>
    public const int DefaultPort = 5080;

    /// <summary>Default block interval while work is waiting (ms).</summary>
    public const int DefaultBlockIntervalMs = 20;

    /// <summary>Default delay of a follow-up block (ms): see <see cref="FollowUpBlockDelayMs"/>.</summary>
    public const int DefaultFollowUpBlockDelayMs = 2;

    /// <summary>Default longest gap between idle blocks (ms).</summary>
    public const int DefaultIdleBlockIntervalMs = 1_000;

    /// <summary>Default most transactions per block.</summary>
    public const int DefaultMaxBlockTransactions = 4_096;

    /// <summary>Default mempool capacity (transactions).</summary>
    public const int DefaultMempoolCapacity = 20_000;

    /// <summary>Default request body limit (bytes): 4 MiB.</summary>
    public const long DefaultMaxBodyBytes = 4L << 20;

    /// <summary>Default time a transaction with a nonce gap waits before it is dropped (ms).</summary>
    public const int DefaultNonceGapTimeoutMs = 10_000;

    /// <summary>Default number of most recent blocks whose full events are rebuilt at start by re-execution.</summary>
    public const int DefaultEventReplayBlocks = 10_000;

    /// <summary>Default number of blocks whose events are kept in memory.</summary>
    public const int DefaultEventHistoryBlocks = 200_000;

    /// <summary>Name of the SQLite file inside the data directory.</summary>
    public const string SqliteFileName = "ledger.db";

    /// <summary>Host name or address to listen on.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port (0: any free port; read the bound address from <see cref="SequencerHost.BaseAddress"/>).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Explicit listen URLs (<c>;</c>-separated); overrides <see cref="Host"/> and <see cref="Port"/> when set.</summary>
    public string? Urls { get; init; }

    /// <summary>Directory of the SQLite store and of nothing else (created when missing).</summary>
    public string DataDirectory { get; init; } = "data";

    /// <summary>A PostgreSQL connection string (<c>Host=…</c>), a SQLite file path, or null for <c>DataDirectory/ledger.db</c>.</summary>
    public string? StoreConnectionString { get; init; }

    /// <summary>PostgreSQL schema of the store's tables (1–63 of a–z, 0–9, _); ignored for SQLite.</summary>
    public string StoreSchema { get; init; } = Storage.Postgres.PostgresBlockStore.DefaultSchemaName;

    /// <summary>Genesis JSON file, used only when the store is empty.</summary>
    public string? GenesisPath { get; init; }

    /// <summary>Genesis configuration (instead of <see cref="GenesisPath"/>), used only when the store is empty.</summary>
    public GenesisConfig? Genesis { get; init; }

    /// <summary>Block interval while transactions or open tasks are waiting (ms, 1 … 60 000).</summary>
    public int BlockIntervalMs { get; init; } = DefaultBlockIntervalMs;

    /// <summary>Delay of the block after one that left a task step due at the start of the next block (ms, 0 = no follow-up blocks, else 1 … <see cref="BlockIntervalMs"/>).</summary>
    /// <remarks>
    /// Two steps of a task's life need no transaction, only the start of the next block: the allocation of a task
    /// submitted in this block (drawn with this block's beacon) and the opening of the reveal window once the last
    /// assigned node has committed (its challenge seed is this block's beacon). Producing that block after this short
    /// delay instead of a whole interval takes two block intervals off every task's latency. Block contents and the
    /// protocol are unchanged; only the timing of blocks is (so windows counted in blocks pass a little faster under load).
    /// </remarks>
    public int FollowUpBlockDelayMs { get; init; } = DefaultFollowUpBlockDelayMs;

    /// <summary>Longest gap between blocks when nothing is waiting (ms, ≥ <see cref="BlockIntervalMs"/>, ≤ 600 000).</summary>
    public int IdleBlockIntervalMs { get; init; } = DefaultIdleBlockIntervalMs;

    /// <summary>Most transactions per block (1 … 65 536); a mempool holding this many produces a block at once.</summary>
    public int MaxBlockTransactions { get; init; } = DefaultMaxBlockTransactions;

    /// <summary>Most transactions waiting in the mempool (1 … 1 000 000); beyond it <c>POST</c> answers 429.</summary>
    public int MempoolCapacity { get; init; } = DefaultMempoolCapacity;

    /// <summary>Largest request body (bytes, 1 KiB … 1 GiB); larger bodies get 413.</summary>
    public long MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    /// <summary>Snapshot interval of the store (blocks, ≥ 1).</summary>
    public int SnapshotEvery { get; init; } = Storage.Chain.LedgerChainOptions.DefaultSnapshotIntervalBlocks;

    /// <summary>How long a transaction whose nonce is ahead of its account waits for the gap to fill (ms, 1 … 600 000).</summary>
    public int NonceGapTimeoutMs { get; init; } = DefaultNonceGapTimeoutMs;

    /// <summary>How many of the latest stored blocks get their full events (assignments, phases, slashes) rebuilt at start (0 … 10^7).</summary>
    public int EventReplayBlocks { get; init; } = DefaultEventReplayBlocks;

    /// <summary>How many blocks' events are kept in memory (older ones are served from the store as block and tx events only).</summary>
    public int EventHistoryBlocks { get; init; } = DefaultEventHistoryBlocks;

    /// <summary>Seconds a client is told to wait (<c>Retry-After</c>) when the mempool is full.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>Lowest level logged to the console.</summary>
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Information;

    /// <summary>Whether console logs are JSON lines (timestamp, level, category, message and the message's named fields such as <c>Height</c>, <c>Node</c>, <c>Amount</c>) instead of single text lines.</summary>
    public bool JsonLogs { get; init; }

    /// <summary>The wall clock (Unix ms); tests may pass their own. Block times are forced monotonic whatever it returns.</summary>
    public Func<long> ClockUnixMs { get; init; } = () => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>The listen URLs these options describe.</summary>
    public string ListenUrls => Urls ?? $"http://{Host}:{Port}";

    /// <summary>Whether the store is PostgreSQL (a connection string starting with <c>Host=</c>).</summary>
    public bool IsPostgres => StoreConnectionString?.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Throws <see cref="SequencerConfigurationException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        static void Check(bool ok, string field, string message)
        {
            if (!ok)
            {
                throw new SequencerConfigurationException(field, message);
            }
        }

        Check(Port is >= 0 and <= 65_535, "port", $"must be 0 … 65535 (got {Port}).");
        Check(!string.IsNullOrWhiteSpace(DataDirectory), "data", "a data directory is required.");
        Check(BlockIntervalMs is >= 1 and <= 60_000, "block-interval-ms", $"must be 1 … 60000 (got {BlockIntervalMs}).");
        Check(FollowUpBlockDelayMs >= 0 && FollowUpBlockDelayMs <= BlockIntervalMs, "follow-up-block-delay-ms", $"must be 0 (off) … {BlockIntervalMs} (the block interval) (got {FollowUpBlockDelayMs}).");
        Check(IdleBlockIntervalMs >= BlockIntervalMs && IdleBlockIntervalMs <= 600_000, "idle-block-interval-ms", $"must be {BlockIntervalMs} … 600000 (got {IdleBlockIntervalMs}).");
        Check(MaxBlockTransactions is >= 1 and <= SettlementLedger.MaxTransactionsPerBlock, "max-block-txs", $"must be 1 … {SettlementLedger.MaxTransactionsPerBlock} (got {MaxBlockTransactions}).");
        Check(MempoolCapacity is >= 1 and <= 1_000_000, "mempool-capacity", $"must be 1 … 1000000 (got {MempoolCapacity}).");
        Check(MaxBodyBytes is >= 1_024 and <= 1L << 30, "max-body-bytes", $"must be 1024 … 1073741824 (got {MaxBodyBytes}).");
        Check(SnapshotEvery >= 1, "snapshot-every", $"must be ≥ 1 (got {SnapshotEvery}).");
        Check(NonceGapTimeoutMs is >= 1 and <= 600_000, "nonce-gap-timeout-ms", $"must be 1 … 600000 (got {NonceGapTimeoutMs}).");
        Check(EventReplayBlocks is >= 0 and <= 10_000_000, "event-replay-blocks", $"must be 0 … 10000000 (got {EventReplayBlocks}).");
        Check(EventHistoryBlocks >= 1, "event-history-blocks", $"must be ≥ 1 (got {EventHistoryBlocks}).");
        Check(RetryAfterSeconds is >= 1 and <= 3_600, "retry-after-seconds", $"must be 1 … 3600 (got {RetryAfterSeconds}).");
    }
}
