using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assay.Node.Persistence;

/// <summary>Reads and atomically writes <c>DIR/node-state.json</c>: a temporary file beside it, flushed to disk, then renamed over it.</summary>
/// <remarks>JSON, snake_case. A crash leaves either the old or the new file whole, never a mix: the rename is atomic on one
/// file system and the temporary file is fsynced before it.</remarks>
public static class NodeStateFile
{
    /// <summary>The file name inside the data directory.</summary>
    public const string FileName = "node-state.json";

    /// <summary>Largest state file read, bytes.</summary>
    public const long MaxFileBytes = 64L << 20;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The path of the state file in <paramref name="dataDirectory"/>.</summary>
    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    /// <summary>Reads the state in <paramref name="dataDirectory"/>, or an empty state for <paramref name="address"/> when there is none.</summary>
    /// <exception cref="NodeStateException">Unreadable, not a node state, or the state of another address.</exception>
    public static NodeState Load(string dataDirectory, string address)
    {
        var path = PathIn(dataDirectory);
        if (!File.Exists(path))
        {
            return NodeState.Empty(address);
        }

        NodeState? state;
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                throw new NodeStateException($"{path}: larger than {MaxFileBytes} bytes.");
            }

            state = JsonSerializer.Deserialize<NodeState>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new NodeStateException($"{path}: not a node state: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NodeStateException($"{path}: cannot read: {e.Message}", e);
        }

        if (state is null || state.Address is null || state.Tasks is null)
        {
            throw new NodeStateException($"{path}: not a node state (address and tasks are required).");
        }

        if (!string.Equals(state.Address, address, StringComparison.Ordinal))
        {
            throw new NodeStateException($"{path}: the state of node {state.Address}, not of this key's {address}; use another --data directory.");
        }

        return state with { Tasks = new SortedDictionary<string, PendingTask>(state.Tasks.ToDictionary(), StringComparer.Ordinal) };
    }

    /// <summary>Replaces the state file in <paramref name="dataDirectory"/> with <paramref name="state"/> (temp + fsync + rename).</summary>
    /// <exception cref="NodeStateException">The directory or file cannot be written; the old file is unchanged.</exception>
    public static void Save(string dataDirectory, NodeState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var path = PathIn(dataDirectory);
        var temp = path + ".tmp";
        try
        {
            Directory.CreateDirectory(dataDirectory);
            var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(state, Json));
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NodeStateException($"{path}: cannot write: {e.Message}", e);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
