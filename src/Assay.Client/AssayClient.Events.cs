using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Assay.Ledger.Views;

namespace Assay.Client;

public sealed partial class AssayClient
{
    /// <summary>The events of every block above <paramref name="fromHeight"/>, replayed then live, until <paramref name="ct"/> is cancelled or the server closes the stream.</summary>
    /// <remarks>
    /// Events of unknown types are skipped (a newer server may add some). The stream does not reconnect by itself: a
    /// caller that wants to survive a restart of the sequencer resumes from the height of the last event it processed.
    /// </remarks>
    public async IAsyncEnumerable<NetworkEvent> StreamEventsAsync(long fromHeight, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromHeight);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/events?from_height={fromHeight}");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        await ThrowIfErrorAsync(response, ct).ConfigureAwait(false);
        using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string? type = null;
        long id = -1;
        var data = new StringBuilder();
        while (true)
        {
            var line = await reader.ReadLineAsync(ct).ConfigureAwait(false);
            if (line is null)
            {
                yield break;
            }

            if (line.Length == 0)
            {
                if (type is not null && data.Length > 0 && Parse(type, id, data.ToString()) is { } e)
                {
                    yield return e;
                }

                type = null;
                data.Clear();
                continue;
            }

            if (line[0] == ':')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..].TrimStart(' ');
            switch (name)
            {
                case "event":
                    type = value;
                    break;
                case "id":
                    id = long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var h) ? h : -1;
                    break;
                case "data":
                    if (data.Length > 0)
                    {
                        data.Append('\n');
                    }

                    data.Append(value);
                    break;
            }
        }
    }

    private static NetworkEvent? Parse(string type, long height, string json) => type switch
    {
        NetworkEvent.BlockType => new NetworkEvent(type, height, Block: JsonSerializer.Deserialize<BlockEvent>(json, ApiJson.Options)),
        NetworkEvent.TxType => new NetworkEvent(type, height, Tx: JsonSerializer.Deserialize<TxEvent>(json, ApiJson.Options)),
        NetworkEvent.AssignmentType => new NetworkEvent(type, height, Assignment: JsonSerializer.Deserialize<AssignmentEvent>(json, ApiJson.Options)),
        NetworkEvent.TaskType => new NetworkEvent(type, height, Task: JsonSerializer.Deserialize<TaskEvent>(json, ApiJson.Options)),
        NetworkEvent.SlashType => new NetworkEvent(type, height, Slash: JsonSerializer.Deserialize<SlashEvent>(json, ApiJson.Options)),
        NetworkEvent.DisputeType => new NetworkEvent(type, height, Dispute: JsonSerializer.Deserialize<DisputeEvent>(json, ApiJson.Options)),
        _ => null,
    };
}
