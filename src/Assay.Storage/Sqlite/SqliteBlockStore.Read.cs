using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Assay.Storage.Sqlite;

/// <summary>Reads: each runs on a pooled reader connection and sees only committed transactions.</summary>
public sealed partial class SqliteBlockStore
{
    private const string BlockColumns = "height, hash, parent_hash, state_root, encoded_sha256, encoded";

    /// <inheritdoc/>
    public Task<StoredBlock?> GetHeadAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(ReadOneBlock($"SELECT {BlockColumns} FROM blocks ORDER BY height DESC LIMIT 1;", null, cancellationToken));

    /// <inheritdoc/>
    public Task<StoredBlock?> GetBlockAsync(long height, CancellationToken cancellationToken = default) =>
        Task.FromResult(ReadOneBlock($"SELECT {BlockColumns} FROM blocks WHERE height = $h;", height, cancellationToken));

    /// <inheritdoc/>
    public async IAsyncEnumerable<StoredBlock> ReadRangeAsync(long fromHeight, long toHeight, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ChainRules.CheckRange(fromHeight, toHeight);
        var next = fromHeight;
        var page = new List<StoredBlock>(BlockStoreLimits.ReadPageBlocks);
        while (next <= toHeight)
        {
            cancellationToken.ThrowIfCancellationRequested();
            page.Clear();
            var connection = RentReader();
            try
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {BlockColumns} FROM blocks WHERE height >= $from AND height <= $to ORDER BY height LIMIT $n;";
                command.Parameters.AddWithValue("$from", next);
                command.Parameters.AddWithValue("$to", toHeight);
                command.Parameters.AddWithValue("$n", BlockStoreLimits.ReadPageBlocks);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    page.Add(BlockFromReader(reader));
                }
            }
            finally
            {
                ReturnReader(connection);
            }

            foreach (var block in page)
            {
                // Heights are contiguous by construction, so a missing row means the range reached the head.
                if (block.Height != next)
                {
                    yield break;
                }

                yield return block;
                next++;
            }

            if (page.Count < BlockStoreLimits.ReadPageBlocks)
            {
                yield break;
            }

            await Task.Yield();
        }
    }

    /// <inheritdoc/>
    public Task<StoredSnapshot?> GetLatestSnapshotAsync(long atOrBelowHeight, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var connection = RentReader();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText =
                "SELECT height, state_root, encoded_sha256, encoded FROM snapshots WHERE height <= $h ORDER BY height DESC LIMIT 1;";
            command.Parameters.AddWithValue("$h", atOrBelowHeight);
            using var reader = command.ExecuteReader();
            StoredSnapshot? snapshot = reader.Read()
                ? ChainRules.SnapshotFromRow(reader.GetInt64(0), (byte[])reader.GetValue(1), (byte[])reader.GetValue(2), (byte[])reader.GetValue(3))
                : null;
            return Task.FromResult(snapshot);
        }
        finally
        {
            ReturnReader(connection);
        }
    }

    private static StoredBlock BlockFromReader(SqliteDataReader reader) =>
        ChainRules.BlockFromRow(
            reader.GetInt64(0), (byte[])reader.GetValue(1), (byte[])reader.GetValue(2), (byte[])reader.GetValue(3),
            (byte[])reader.GetValue(4), (byte[])reader.GetValue(5));

    private StoredBlock? ReadOneBlock(string sql, long? height, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var connection = RentReader();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            if (height is { } h)
            {
                command.Parameters.AddWithValue("$h", h);
            }

            using var reader = command.ExecuteReader();
            return reader.Read() ? BlockFromReader(reader) : null;
        }
        finally
        {
            ReturnReader(connection);
        }
    }

    private SqliteConnection RentReader()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_readers.TryTake(out var connection))
        {
            return connection;
        }

        connection = new SqliteConnection(_readerConnectionString);
        connection.Open();
        Execute(connection, $"PRAGMA busy_timeout = {BusyTimeoutSeconds * 1000};");
        return connection;
    }

    private void ReturnReader(SqliteConnection connection)
    {
        if (_disposed == 0 && _readers.Count < ReadersKept)
        {
            _readers.Add(connection);
            if (_disposed == 0)
            {
                return;
            }

            // Dispose raced with the return: drain what is left so no connection outlives the store.
            while (_readers.TryTake(out var leftover))
            {
                leftover.Dispose();
            }

            return;
        }

        connection.Dispose();
    }
}
