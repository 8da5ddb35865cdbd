using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Assay.Proofs.Hashing;
using Microsoft.Data.Sqlite;

namespace Assay.Storage.Sqlite;

/// <summary>A block store in one SQLite file: WAL journal, <c>synchronous=FULL</c> (fsync on every commit), one writer connection and pooled reader connections.</summary>
/// <remarks>
/// Writes take <c>BEGIN IMMEDIATE</c>, so the head is read and extended under SQLite's write lock even if another process
/// opens the same file. Readers run on their own connections and, in WAL mode, see only committed transactions.
/// </remarks>
public sealed partial class SqliteBlockStore : IBlockStore
{
    /// <summary>Schema version this build writes and reads (<c>PRAGMA user_version</c>).</summary>
    public const int SchemaVersion = 1;

    /// <summary>Marks the file as an Assay block store (<c>PRAGMA application_id</c>, "ASSY").</summary>
    public const int ApplicationId = 0x41535359;

    private const int ReadersKept = 8;
    private const int BusyTimeoutSeconds = 30;

    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentBag<SqliteConnection> _readers = [];
    private readonly string _readerConnectionString;
    private readonly int _snapshotsKept;
    private int _disposed;

    static SqliteBlockStore() => SQLitePCL.Batteries_V2.Init();

    private SqliteBlockStore(SqliteConnection writer, string readerConnectionString, int snapshotsKept)
    {
        _writer = writer;
        _readerConnectionString = readerConnectionString;
        _snapshotsKept = snapshotsKept;
    }

    /// <summary>The file the store lives in.</summary>
    public string Path => _writer.DataSource;

    /// <summary>Opens the store at <paramref name="path"/>, creating the file and the schema when the file is new or empty.</summary>
    /// <param name="path">Path of the SQLite file; its directory must exist.</param>
    /// <param name="snapshotsKept">How many of the highest snapshots to keep (see docs/storage.md).</param>
    /// <exception cref="BlockStoreSchemaException">The file is not an Assay block store, or its schema version is not <see cref="SchemaVersion"/>.</exception>
    public static SqliteBlockStore Open(string path, int snapshotsKept = BlockStoreLimits.DefaultSnapshotsKept)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ChainRules.CheckSnapshotsKept(snapshotsKept);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = BusyTimeoutSeconds,
        };
        var writer = new SqliteConnection(builder.ToString());
        try
        {
            writer.Open();
            Execute(writer, $"PRAGMA busy_timeout = {BusyTimeoutSeconds * 1000};");
            var journal = Scalar(writer, "PRAGMA journal_mode = WAL;") as string;
            if (!string.Equals(journal, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new BlockStoreException($"SQLite refused WAL mode for '{path}' (journal_mode is '{journal}').");
            }

            // FULL makes every WAL commit fsync before it returns: a block is durable once AppendAsync completes.
            Execute(writer, "PRAGMA synchronous = FULL;");
            EnsureSchema(writer, path);
        }
        catch
        {
            writer.Dispose();
            throw;
        }

        builder.Mode = SqliteOpenMode.ReadWrite;
        return new SqliteBlockStore(writer, builder.ToString(), snapshotsKept);
    }

    /// <inheritdoc/>
    public async Task AppendAsync(StoredBlock block, CancellationToken cancellationToken = default) =>
        await AppendRangeAsync([block], cancellationToken).ConfigureAwait(false);

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
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            cancellationToken.ThrowIfCancellationRequested();
            using var transaction = _writer.BeginTransaction(deferred: false);
            var (headHeight, headHash) = ReadHeadHeader(_writer, transaction);
            ChainRules.CheckAppend(headHeight, headHash, blocks);
            using var insert = _writer.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText =
                "INSERT INTO blocks (height, hash, parent_hash, state_root, encoded_sha256, encoded) VALUES ($h, $hash, $parent, $root, $digest, $encoded);";
            var height = insert.Parameters.Add("$h", SqliteType.Integer);
            var hash = insert.Parameters.Add("$hash", SqliteType.Blob);
            var parent = insert.Parameters.Add("$parent", SqliteType.Blob);
            var root = insert.Parameters.Add("$root", SqliteType.Blob);
            var digest = insert.Parameters.Add("$digest", SqliteType.Blob);
            var encoded = insert.Parameters.Add("$encoded", SqliteType.Blob);
            insert.Prepare();
            for (var i = 0; i < blocks.Count; i++)
            {
                var block = blocks[i];
                height.Value = block.Height;
                hash.Value = block.Hash.ToArray();
                parent.Value = block.ParentHash.ToArray();
                root.Value = block.StateRoot.ToArray();
                digest.Value = ChainRules.Digest(block.Encoded.Span);
                encoded.Value = ChainRules.AsArray(block.Encoded);
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
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
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            cancellationToken.ThrowIfCancellationRequested();
            using var transaction = _writer.BeginTransaction(deferred: false);
            Hash256? blockRoot = null;
            using (var select = _writer.CreateCommand())
            {
                select.Transaction = transaction;
                select.CommandText = "SELECT state_root FROM blocks WHERE height = $h;";
                select.Parameters.AddWithValue("$h", snapshot.Height);
                if (select.ExecuteScalar() is byte[] { Length: Hash256.Length } rootBytes)
                {
                    blockRoot = new Hash256(rootBytes);
                }
            }

            ChainRules.CheckSnapshot(snapshot, blockRoot);
            using (var upsert = _writer.CreateCommand())
            {
                upsert.Transaction = transaction;
                upsert.CommandText =
                    "INSERT OR REPLACE INTO snapshots (height, state_root, encoded_sha256, encoded) VALUES ($h, $root, $digest, $encoded);" +
                    "DELETE FROM snapshots WHERE height NOT IN (SELECT height FROM snapshots ORDER BY height DESC LIMIT $kept);";
                upsert.Parameters.AddWithValue("$h", snapshot.Height);
                upsert.Parameters.AddWithValue("$root", snapshot.StateRoot.ToArray());
                upsert.Parameters.AddWithValue("$digest", ChainRules.Digest(snapshot.Encoded.Span));
                upsert.Parameters.AddWithValue("$encoded", ChainRules.AsArray(snapshot.Encoded));
                upsert.Parameters.AddWithValue("$kept", _snapshotsKept);
                upsert.ExecuteNonQuery();
            }

            transaction.Commit();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Closes the writer and every reader connection; calls after this throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _writeGate.Wait();
        try
        {
            _writer.Dispose();
            while (_readers.TryTake(out var reader))
            {
                reader.Dispose();
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static (long Height, Hash256 Hash) ReadHeadHeader(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT height, hash FROM blocks ORDER BY height DESC LIMIT 1;";
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), new Hash256((byte[])reader.GetValue(1))) : (-1, Hash256.Zero);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void EnsureSchema(SqliteConnection connection, string path)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var applicationId = Convert.ToInt32(Scalar(connection, "PRAGMA application_id;"), System.Globalization.CultureInfo.InvariantCulture);
        var version = Convert.ToInt64(Scalar(connection, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);
        var objects = Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM sqlite_master;"), System.Globalization.CultureInfo.InvariantCulture);
        if (applicationId == 0 && version == 0 && objects == 0)
        {
            Execute(connection,
                "CREATE TABLE blocks (" +
                "height INTEGER PRIMARY KEY NOT NULL CHECK (height >= 0), " +
                "hash BLOB NOT NULL, parent_hash BLOB NOT NULL, state_root BLOB NOT NULL, " +
                "encoded_sha256 BLOB NOT NULL, encoded BLOB NOT NULL);" +
                "CREATE TABLE snapshots (" +
                "height INTEGER PRIMARY KEY NOT NULL CHECK (height >= 0), " +
                "state_root BLOB NOT NULL, encoded_sha256 BLOB NOT NULL, encoded BLOB NOT NULL);" +
                $"PRAGMA application_id = {ApplicationId};" +
                $"PRAGMA user_version = {SchemaVersion};");
            transaction.Commit();
            return;
        }

        if (applicationId != ApplicationId)
        {
            throw new BlockStoreSchemaException(
                $"'{path}' is not an Assay block store (SQLite application_id is 0x{applicationId:x8}, expected 0x{ApplicationId:x8}).");
        }

        if (version != SchemaVersion)
        {
            throw new BlockStoreSchemaException(
                $"'{path}' has block-store schema version {version}; this build reads only version {SchemaVersion}.");
        }

        transaction.Commit();
    }
}
