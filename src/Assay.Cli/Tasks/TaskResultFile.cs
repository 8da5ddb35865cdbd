using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assay.Compute.Tasks;
using Assay.Proofs.Hashing;
using Assay.Proofs.MerkleSum;
using Assay.Proofs.Signatures;

namespace Assay.Cli.Tasks;

/// <summary>The JSON file of a signed result: <see cref="TaskResultJson"/>'s fields plus public_key, challenge_seed, proof and compute_seconds.</summary>
/// <remarks>The result is rebuilt from its readable fields (nothing hidden), so editing any of them changes what the
/// verifier checks; root.digest is display only.</remarks>
public static class TaskResultFile
{
    /// <summary>Longest result file accepted, in bytes.</summary>
    public const long MaxFileBytes = 64L << 20;

    /// <summary>The JSON text of <paramref name="document"/>.</summary>
    public static string Write(ResultDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var json = (JsonObject)JsonNode.Parse(TaskResultJson.Write(document.Result))!;
        json["public_key"] = document.PublicKey.ToString();
        json["challenge_seed"] = Convert.ToHexStringLower(document.ChallengeSeed);
        json["proof"] = Convert.ToHexStringLower(document.Proof);
        json["compute_seconds"] = document.ComputeSeconds;
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>Reads the result file at <paramref name="path"/>.</summary>
    /// <exception cref="TaskFileException">Unreadable, or a field is missing or malformed (named in the message).</exception>
    public static ResultDocument Read(string path)
    {
        var json = JsonFiles.ReadObject(path, MaxFileBytes);
        try
        {
            var root = JsonFiles.Object(json, "root", path);
            var lanesNode = root["lanes"] as JsonArray ?? throw new TaskFileException($"{path}: root.lanes: missing or not an array.");
            if (lanesNode.Count is 0 or > MerkleSumLayout.MaxLanes)
            {
                throw new TaskFileException($"{path}: root.lanes: 1 … {MerkleSumLayout.MaxLanes} lanes expected; got {lanesNode.Count}.");
            }

            var lanes = new Int128[lanesNode.Count];
            for (var i = 0; i < lanes.Length; i++)
            {
                lanes[i] = Int128.Parse(lanesNode[i]?.GetValue<string>() ?? throw new TaskFileException($"{path}: root.lanes[{i}]: null."), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            }

            var sums = new LaneSums(JsonFiles.Value<ulong>(root, "count", path), lanes);
            var merkleRoot = new MerkleSumRoot(Hash256.Parse(JsonFiles.String(root, "hash", path)), JsonFiles.Value<long>(root, "leaf_count", path), sums);
            var aggregateJson = JsonFiles.Object(json, "aggregate", path);
            var fields = new List<(string, double)>();
            foreach (var (name, node) in aggregateJson)
            {
                var value = node is JsonValue v && v.GetValueKind() == JsonValueKind.String
                    ? double.Parse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture)
                    : node?.GetValue<double>() ?? throw new TaskFileException($"{path}: aggregate.{name}: null.");
                fields.Add((name, value));
            }

            var result = new TaskResult(
                Hash256.Parse(JsonFiles.String(json, "task_id", path)),
                JsonFiles.Value<uint>(json, "engine_version", path),
                JsonFiles.Value<long>(json, "item_count", path),
                merkleRoot,
                new TaskAggregate([.. fields]),
                JsonFiles.Hex(json, "node", path),
                JsonFiles.Hex(json, "signature", path));
            var publicKey = PublicKey.TryDecode(JsonFiles.Hex(json, "public_key", path), out var key)
                ? key
                : throw new TaskFileException($"{path}: public_key: not a compressed P-256 point.");
            return new ResultDocument(
                result,
                publicKey,
                JsonFiles.Hex(json, "challenge_seed", path),
                JsonFiles.Hex(json, "proof", path),
                JsonFiles.Value<double>(json, "compute_seconds", path));
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException or ArgumentException or TaskSpecException)
        {
            throw new TaskFileException($"{path}: malformed result: {e.Message}");
        }
    }
}
