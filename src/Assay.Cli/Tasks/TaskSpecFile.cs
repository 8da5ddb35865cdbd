using System.Text.Json;
using System.Text.Json.Nodes;
using Assay.Compute.Tasks;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;

namespace Assay.Cli.Tasks;

/// <summary>The JSON file of a task spec: the canonical spec bytes as hex (authoritative), the task id, and readable fields.</summary>
/// <remarks>Shape: <c>{"task_id", "kind", "engine_version", "item_count", "seed", "spot_checks": {"uniform", "mass",
/// "mass_lane"}, "inputs_hash", "inputs_address" (null when inline), "inputs": {…}, "spec": hex}</c>. Only <c>spec</c> and <c>task_id</c> are read back: the spec is decoded
/// from its canonical bytes and its id must equal <c>task_id</c>; the other fields are for people.</remarks>
public static class TaskSpecFile
{
    /// <summary>Longest spec file accepted, in bytes.</summary>
    public const long MaxFileBytes = 2 * (long)TaskSpec.MaxInputBytes + 65_536;

    /// <summary>The JSON text for <paramref name="spec"/> with the readable <paramref name="inputs"/> and kind name.</summary>
    public static string Write(TaskSpec spec, string kindName, JsonObject inputs)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var json = new JsonObject
        {
            ["task_id"] = spec.TaskId.ToString(),
            ["kind"] = kindName,
            ["engine_version"] = spec.EngineVersion,
            ["item_count"] = spec.ItemCount,
            ["seed"] = spec.Seed,
            ["spot_checks"] = new JsonObject
            {
                ["uniform"] = spec.Policy.SpotChecks.UniformCount,
                ["mass"] = spec.Policy.SpotChecks.MassCount,
                ["mass_lane"] = spec.Policy.SpotChecks.MassLane,
            },
            ["inputs_hash"] = spec.InputsHash.ToString(),
            ["inputs_address"] = spec.InputsAddress,
            ["inputs"] = inputs,
            ["spec"] = Convert.ToHexStringLower(CanonicalEncoding.Encode(spec)),
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>Reads and checks the spec file at <paramref name="path"/> and attaches its inputs when they are held by address.</summary>
    /// <param name="path">The spec JSON.</param>
    /// <param name="inputsPath">The inputs file (<c>--inputs</c>); default: the spec's address, resolved against the spec's folder.</param>
    /// <exception cref="TaskFileException">Unreadable, not JSON, the spec bytes do not decode, the id does not match, or the inputs are missing or do not match their hash.</exception>
    public static TaskSpec Read(string path, string? inputsPath) => TaskInputsFile.Attach(Read(path), path, inputsPath);

    /// <summary>Reads and checks the spec file at <paramref name="path"/> (inputs held by address are not attached).</summary>
    /// <exception cref="TaskFileException">Unreadable, not JSON, the spec bytes do not decode, or the id does not match.</exception>
    public static TaskSpec Read(string path)
    {
        var json = JsonFiles.ReadObject(path, MaxFileBytes);
        var hex = JsonFiles.String(json, "spec", path);
        TaskSpec spec;
        try
        {
            spec = CanonicalEncoding.Decode<TaskSpec>(Convert.FromHexString(hex));
        }
        catch (Exception e) when (e is FormatException or CanonicalFormatException)
        {
            throw new TaskFileException($"{path}: spec: not a canonical task spec: {e.Message}");
        }

        var id = JsonFiles.String(json, "task_id", path);
        if (!string.Equals(id, spec.TaskId.ToString(), StringComparison.Ordinal))
        {
            throw new TaskFileException($"{path}: task_id {id} is not the hash of the spec bytes ({spec.TaskId}).");
        }

        return spec;
    }

    /// <summary>The hash the CLI's stand-in challenge uses: DomainHash("assay/cli-challenge/v1", seed, task id).</summary>
    public static byte[] DeriveChallenge(ReadOnlySpan<byte> seed, Hash256 taskId) =>
        DomainHash.Compute(ChallengeTag, seed, taskId.ToArray()).ToArray();

    /// <summary>Domain tag of the stand-in challenge derivation.</summary>
    public const string ChallengeTag = "assay/cli-challenge/v1";
}
