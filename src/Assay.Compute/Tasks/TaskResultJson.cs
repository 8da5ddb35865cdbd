using System.Globalization;
using System.Text.Json;

namespace Assay.Compute.Tasks;

/// <summary>The JSON form of a <see cref="TaskResult"/>: hashes and byte strings as lowercase hex, the aggregate as named fields.</summary>
/// <remarks>
/// Shape: <c>{"task_id", "engine_version", "item_count", "root": {"hash", "leaf_count", "count", "lanes": [decimal
/// strings], "digest"}, "aggregate": {name: number, …}, "node", "signature"}</c>. Lane sums are decimal strings because
/// they are 128-bit integers; aggregate numbers use the shortest round-trip form. For display and transport; the
/// canonical binary encoding is what is hashed.
/// </remarks>
public static class TaskResultJson
{
    /// <summary>The JSON text of <paramref name="result"/>.</summary>
    public static string Write(TaskResult result, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            json.WriteStartObject();
            json.WriteString("task_id", result.TaskId.ToString());
            json.WriteNumber("engine_version", result.EngineVersion);
            json.WriteNumber("item_count", result.ItemCount);
            json.WriteStartObject("root");
            json.WriteString("hash", result.Root.Hash.ToString());
            json.WriteNumber("leaf_count", result.Root.LeafCount);
            json.WriteNumber("count", result.Root.Sums.Count);
            json.WriteStartArray("lanes");
            foreach (var lane in result.Root.Sums.Lanes)
            {
                json.WriteStringValue(lane.ToString(CultureInfo.InvariantCulture));
            }

            json.WriteEndArray();
            json.WriteString("digest", result.Root.Digest().ToString());
            json.WriteEndObject();
            json.WriteStartObject("aggregate");
            for (var i = 0; i < result.Aggregate.Count; i++)
            {
                var value = result.Aggregate.Values[i];
                if (double.IsFinite(value))
                {
                    json.WriteNumber(result.Aggregate.Names[i], value);
                }
                else
                {
                    json.WriteString(result.Aggregate.Names[i], value.ToString(CultureInfo.InvariantCulture));
                }
            }

            json.WriteEndObject();
            json.WriteString("node", Convert.ToHexStringLower(result.NodeAddress));
            json.WriteString("signature", Convert.ToHexStringLower(result.Signature));
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
