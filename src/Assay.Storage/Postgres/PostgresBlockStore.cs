using System.Globalization;
using System.Text.RegularExpressions;
using Assay.Proofs.Hashing;
using Npgsql;
using NpgsqlTypes;

namespace Assay.Storage.Postgres;

/// <summary>A block store in one PostgreSQL schema, reached by connection string; the schema is created on open and versioned.</summary>
/// <remarks>
/// Every write is one transaction with <c>synchronous_commit = on</c> (the commit returns after the server has flushed its
/// WAL) and holds a transaction-scoped advisory lock, so writers in several processes are serialised. Reads run at
/// READ COMMITTED and see only committed blocks.
/// </remarks>
public sealed partial class PostgresBlockStore : IBlockStore
{
    /// <summary>Schema version this build writes and reads (row <c>schema_version</c> of table <c>assay_meta</c>).</summary>
    public const int SchemaVersion = 1;

    /// <summary>Schema used when none is named.</summary>
    public const string DefaultSchemaName = "assay";

    // First key of the advisory lock ("ASSY"); the second is hashtext(schema), so stores in different schemas do not contend.
    private const int AdvisoryLockKey = 0x41535359;

    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly string _schema;
    private readonly int _snapshotsKept;
    private int _disposed;

    private PostgresBlockStore(NpgsqlDataSource dataSource, string schema, int snapshotsKept)
    {
        _dataSource = dataSource;
        _schema = schema;
        _snapshotsKept = snapshotsKept;
    }

    /// <summary>The PostgreSQL schema holding the tables.</summary>
    public string SchemaName => _schema;

    /// <summary>Connects, creates the schema and tables when absent, and checks the schema version.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="schemaName">Schema for the tables: lowercase letters, digits and underscores, starting with a letter or underscore, at most 63 characters.</param>
    /// <param name="snapshotsKept">How many of the highest snapshots to keep (see docs/storage.md).</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <exception cref="BlockStoreSchemaException">The schema holds an <c>assay_meta</c> table with a version other than <see cref="SchemaVersion"/>.</exception>
    public static async Task<PostgresBlockStore> OpenAsync(
        string connectionString,
        string schemaName = DefaultSchemaName,
        int snapshotsKept = BlockStoreLimits.DefaultSnapshotsKept,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentNullException.ThrowIfNull(schemaName);
        if (!SchemaNamePattern().IsMatch(schemaName))
        {
            throw new ArgumentException(
                $"schema '{schemaName}' must be 1–63 characters of a–z, 0–9 and _, starting with a letter or _.", nameof(schemaName));
        }

        ChainRules.CheckSnapshotsKept(snapshotsKept);
        var dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            await EnsureSchemaAsync(dataSource, schemaName, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new PostgresBlockStore(dataSource, schemaName, snapshotsKept);
    }

    /// <inheritdoc/>
    public Task AppendAsync(StoredBlock block, CancellationToken cancellationToken = default) =>
        AppendRangeAsync([block], cancellationToken);

    /// <inheritdoc/>
    public async Task AppendRangeAsync(IReadOnlyList<StoredBlock> blocks, CancellationToken cancellationToken = default)
    {
        ChainRules.CheckBatch(blocks);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (blocks.Count == 0)
        {
            return;
        }

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            long headHeight = -1;
            var headHash = Hash256.Zero;
            await using (var head = new NpgsqlCommand($"SELECT height, hash FROM {_schema}.blocks ORDER BY height DESC LIMIT 1;", connection, transaction))
            {
                await using var reader = await head.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    headHeight = reader.GetInt64(0);
                    headHash = new Hash256(reader.GetFieldValue<byte[]>(1));
                }
            }

            ChainRules.CheckAppend(headHeight, headHash, blocks);
            await using (var batch = new NpgsqlBatch(connection, transaction))
            {
                var sql = $"INSERT INTO {_schema}.blocks (height, hash, parent_hash, state_root, encoded_sha256, encoded) VALUES ($1, $2, $3, $4, $5, $6);";
                for (var i = 0; i < blocks.Count; i++)
                {
                    var block = blocks[i];
                    var command = new NpgsqlBatchCommand(sql);
                    command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = block.Height });
                    command.Parameters.Add(Bytea(block.Hash.ToArray()));
                    command.Parameters.Add(Bytea(block.ParentHash.ToArray()));
                    command.Parameters.Add(Bytea(block.StateRoot.ToArray()));
                    command.Parameters.Add(Bytea(ChainRules.Digest(block.Encoded.Span)));
                    command.Parameters.Add(Bytea(ChainRules.AsArray(block.Encoded)));
                    batch.BatchCommands.Add(command);
                }

                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task PutSnapshotAsync(StoredSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            Hash256? blockRoot = null;
            await using (var select = new NpgsqlCommand($"SELECT state_root FROM {_schema}.blocks WHERE height = $1;", connection, transaction))
            {
                select.Parameters.Add(new NpgsqlParameter<long> { TypedValue = snapshot.Height });
                if (await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is byte[] { Length: Hash256.Length } rootBytes)
                {
                    blockRoot = new Hash256(rootBytes);
                }
            }

            ChainRules.CheckSnapshot(snapshot, blockRoot);
            await using (var batch = new NpgsqlBatch(connection, transaction))
            {
                var upsert = new NpgsqlBatchCommand(
                    $"INSERT INTO {_schema}.snapshots (height, state_root, encoded_sha256, encoded) VALUES ($1, $2, $3, $4) " +
                    "ON CONFLICT (height) DO UPDATE SET state_root = EXCLUDED.state_root, encoded_sha256 = EXCLUDED.encoded_sha256, encoded = EXCLUDED.encoded;");
                upsert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = snapshot.Height });
                upsert.Parameters.Add(Bytea(snapshot.StateRoot.ToArray()));
                upsert.Parameters.Add(Bytea(ChainRules.Digest(snapshot.Encoded.Span)));
                upsert.Parameters.Add(Bytea(ChainRules.AsArray(snapshot.Encoded)));
                batch.BatchCommands.Add(upsert);
                var prune = new NpgsqlBatchCommand(
                    $"DELETE FROM {_schema}.snapshots WHERE height NOT IN (SELECT height FROM {_schema}.snapshots ORDER BY height DESC LIMIT $1);");
                prune.Parameters.Add(new NpgsqlParameter<int> { TypedValue = _snapshotsKept });
                batch.BatchCommands.Add(prune);
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Closes the connection pool; calls after this throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _writeGate.Wait();
        try
        {
            _dataSource.Dispose();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static NpgsqlParameter<byte[]> Bytea(byte[] value) => new() { NpgsqlDbType = NpgsqlDbType.Bytea, TypedValue = value };

    private async Task<NpgsqlTransaction> BeginWriteAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // synchronous_commit = on: COMMIT returns only after the server has flushed the WAL record (durable on return).
            await using var batch = new NpgsqlBatch(connection, transaction);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL synchronous_commit = on;"));
            var lockCommand = new NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({AdvisoryLockKey}, hashtext($1));");
            lockCommand.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _schema });
            batch.BatchCommands.Add(lockCommand);
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task EnsureSchemaAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({AdvisoryLockKey}, hashtext($1));", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter<string> { TypedValue = schema });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        string? version;
        await using (var probe = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL;", connection, transaction))
        {
            probe.Parameters.Add(new NpgsqlParameter<string> { TypedValue = schema + ".assay_meta" });
            var exists = (bool)(await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            version = null;
            if (exists)
            {
                await using var read = new NpgsqlCommand($"SELECT value FROM {schema}.assay_meta WHERE key = 'schema_version';", connection, transaction);
                version = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string ?? "(missing)";
            }
        }

        if (version is null)
        {
            await using var create = new NpgsqlCommand(
                $"CREATE SCHEMA IF NOT EXISTS {schema};" +
                $"CREATE TABLE {schema}.assay_meta (key text PRIMARY KEY, value text NOT NULL);" +
                $"CREATE TABLE {schema}.blocks (height bigint PRIMARY KEY CHECK (height >= 0), " +
                "hash bytea NOT NULL, parent_hash bytea NOT NULL, state_root bytea NOT NULL, " +
                "encoded_sha256 bytea NOT NULL, encoded bytea NOT NULL);" +
                $"CREATE TABLE {schema}.snapshots (height bigint PRIMARY KEY CHECK (height >= 0), " +
                "state_root bytea NOT NULL, encoded_sha256 bytea NOT NULL, encoded bytea NOT NULL);" +
                $"INSERT INTO {schema}.assay_meta (key, value) VALUES ('schema_version', '{SchemaVersion.ToString(CultureInfo.InvariantCulture)}');",
                connection,
                transaction);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (version != SchemaVersion.ToString(CultureInfo.InvariantCulture))
        {
            throw new BlockStoreSchemaException(
                $"PostgreSQL schema '{schema}' has block-store schema version {version}; this build reads only version {SchemaVersion}.");
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaNamePattern();
}
