using System.Data;
using System.Runtime.CompilerServices;
using Npgsql;

namespace Assay.Storage.Postgres;

/// <summary>Reads: each runs on a pooled connection at READ COMMITTED and sees only committed transactions.</summary>
public sealed partial class PostgresBlockStore
{
    private const string BlockColumns = "height, hash, parent_hash, state_root, encoded_sha256, encoded";

    /// <inheritdoc/>
    public Task<StoredBlock?> GetHeadAsync(CancellationToken cancellationToken = default) =>
        ReadOneBlockAsync($"SELECT {BlockColumns} FROM {_schema}.blocks ORDER BY height DESC LIMIT 1;", null, cancellationToken);

    /// <inheritdoc/>
    public Task<StoredBlock?> GetBlockAsync(long height, CancellationToken cancellationToken = default) =>
        ReadOneBlockAsync($"SELECT {BlockColumns} FROM {_schema}.blocks WHERE height = $1;", height, cancellationToken);

    /// <inheritdoc/>
    public async IAsyncEnumerable<StoredBlock> ReadRangeAsync(long fromHeight, long toHeight, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ChainRules.CheckRange(fromHeight, toHeight);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var next = fromHeight;
        var page = new List<StoredBlock>(BlockStoreLimits.ReadPageBlocks);
        while (next <= toHeight)
        {
            page.Clear();
            await using (var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
            {
                await using var command = new NpgsqlCommand(
                    $"SELECT {BlockColumns} FROM {_schema}.blocks WHERE height >= $1 AND height <= $2 ORDER BY height LIMIT $3;", connection);
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = next });
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = toHeight });
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = BlockStoreLimits.ReadPageBlocks });
                await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    page.Add(await BlockFromReaderAsync(reader, cancellationToken).ConfigureAwait(false));
                }
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
        }
    }

    /// <inheritdoc/>
    public async Task<StoredSnapshot?> GetLatestSnapshotAsync(long atOrBelowHeight, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"SELECT height, state_root, encoded_sha256, encoded FROM {_schema}.snapshots WHERE height <= $1 ORDER BY height DESC LIMIT 1;", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = atOrBelowHeight });
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var height = reader.GetInt64(0);
        var root = await reader.GetFieldValueAsync<byte[]>(1, cancellationToken).ConfigureAwait(false);
        var digest = await reader.GetFieldValueAsync<byte[]>(2, cancellationToken).ConfigureAwait(false);
        var encoded = await reader.GetFieldValueAsync<byte[]>(3, cancellationToken).ConfigureAwait(false);
        return ChainRules.SnapshotFromRow(height, root, digest, encoded);
    }

    private static async Task<StoredBlock> BlockFromReaderAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var height = reader.GetInt64(0);
        var hash = await reader.GetFieldValueAsync<byte[]>(1, cancellationToken).ConfigureAwait(false);
        var parent = await reader.GetFieldValueAsync<byte[]>(2, cancellationToken).ConfigureAwait(false);
        var root = await reader.GetFieldValueAsync<byte[]>(3, cancellationToken).ConfigureAwait(false);
        var digest = await reader.GetFieldValueAsync<byte[]>(4, cancellationToken).ConfigureAwait(false);
        var encoded = await reader.GetFieldValueAsync<byte[]>(5, cancellationToken).ConfigureAwait(false);
        return ChainRules.BlockFromRow(height, hash, parent, root, digest, encoded);
    }

    private async Task<StoredBlock?> ReadOneBlockAsync(string sql, long? height, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        if (height is { } h)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = h });
        }

        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? await BlockFromReaderAsync(reader, cancellationToken).ConfigureAwait(false)
            : null;
    }
}
