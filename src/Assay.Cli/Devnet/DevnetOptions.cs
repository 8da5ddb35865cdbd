namespace Assay.Cli.Devnet;

/// <summary>Settings of <c>assay devnet</c>.</summary>
public sealed record DevnetOptions
{
    /// <summary>Compute nodes started.</summary>
    public int Nodes { get; init; } = 4;

    /// <summary>How many of them run with <c>--fault wrong-result</c>.</summary>
    public int Byzantine { get; init; } = 1;

    /// <summary>Data directory (keys, genesis, ledger.db, node states, logs); null: a new temporary directory.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The sequencer's port on 127.0.0.1.</summary>
    public int Port { get; init; } = 5080;

    /// <summary>Seconds to run before stopping by itself; 0: until Ctrl-C.</summary>
    public int DurationSeconds { get; init; }

    /// <summary>Store connection string for the sequencer (PostgreSQL <c>Host=…</c> or a SQLite path); null: <c>DIR/ledger.db</c>.</summary>
    public string? Store { get; init; }

    /// <summary>Milliseconds between the demo requester's task submissions; 0 submits none.</summary>
    public int SubmitIntervalMs { get; init; } = 1_000;

    /// <summary>Whether node 1 also runs as a watcher.</summary>
    public bool Watcher { get; init; } = true;

    /// <summary>Seed of the demo requester's task mix.</summary>
    public int Seed { get; init; } = 20261121;
}
