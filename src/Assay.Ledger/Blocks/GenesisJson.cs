using System.Text.Json;
using Assay.Ledger.Governance;
using Assay.Ledger.State;
using Assay.Proofs.Signatures;

namespace Assay.Ledger.Blocks;

/// <summary>Reads a genesis file (JSON) into a <see cref="GenesisConfig"/>, with an error naming the JSON path of the first bad field.</summary>
/// <remarks>
/// Shape: <c>{ "timestamp_unix_ms": int, "parameters": { name: value, … }, "accounts": [ { "address": "asy…",
/// "balances": { "ASY": int, … } } ], "nodes": [ { "address": "asy…", "stake": int, "capabilities": [ "analytic", … ],
/// "cores": int, "memory_mib": int } ], "governance": { "governors": [ "asy…", … ], "threshold": int, "timelock_blocks": int,
/// "proposal_lifetime_blocks": int } }</c> (governance optional). Amounts are JSON integers (minor units). Parameter names are the
/// <c>JSON</c> names documented on <see cref="ProtocolParameters"/>; omitted parameters take their defaults. Unknown
/// properties are errors, so a misspelt name never passes silently.
/// </remarks>
public static class GenesisJson
{
    /// <summary>Largest genesis file, bytes.</summary>
    public const int MaxBytes = 64 << 20;

    /// <summary>Parses and validates a genesis document.</summary>
    /// <exception cref="GenesisException">A field is missing, of the wrong type, out of range, or unknown.</exception>
    public static GenesisConfig Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxBytes)
        {
            throw new GenesisException("genesis", $"the file is larger than {MaxBytes} characters.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new GenesisException("genesis", $"not valid JSON ({e.Message}).");
        }

        using (document)
        {
            var root = Object(document.RootElement, "genesis");
            Known(root, "genesis", "timestamp_unix_ms", "parameters", "accounts", "nodes", "governance");
            var timestamp = Integer(Required(root, "timestamp_unix_ms", "timestamp_unix_ms"), "timestamp_unix_ms");
            if (timestamp > long.MaxValue)
            {
                throw new GenesisException("timestamp_unix_ms", $"must be 0 … {long.MaxValue}.");
            }

            var parameters = root.TryGetProperty("parameters", out var p) ? Parameters(p) : new ProtocolParameters();
            var accounts = new List<GenesisAccount>();
            var seen = new HashSet<Address>();
            if (root.TryGetProperty("accounts", out var accountList))
            {
                var i = 0;
                foreach (var item in Array(accountList, "accounts"))
                {
                    var path = $"accounts[{i++}]";
                    var obj = Object(item, path);
                    Known(obj, path, "address", "balances");
                    var address = ParseAddress(Required(obj, "address", path + ".address"), path + ".address");
                    if (!seen.Add(address))
                    {
                        throw new GenesisException(path + ".address", $"{address} appears twice.");
                    }

                    var balances = new SortedDictionary<string, ulong>(StringComparer.Ordinal);
                    foreach (var property in Object(Required(obj, "balances", path + ".balances"), path + ".balances").EnumerateObject())
                    {
                        var field = $"{path}.balances.{property.Name}";
                        if (!CanonicalFields.IsValidAsset(property.Name))
                        {
                            throw new GenesisException(field, "an asset name is 1 … 16 characters A–Z, 0–9.");
                        }

                        balances[property.Name] = Integer(property.Value, field);
                    }

                    accounts.Add(new GenesisAccount(address, balances));
                }
            }

            var nodes = new List<GenesisNode>();
            seen.Clear();
            if (root.TryGetProperty("nodes", out var nodeList))
            {
                var i = 0;
                foreach (var item in Array(nodeList, "nodes"))
                {
                    var path = $"nodes[{i++}]";
                    var obj = Object(item, path);
                    Known(obj, path, "address", "stake", "capabilities", "cores", "memory_mib");
                    var address = ParseAddress(Required(obj, "address", path + ".address"), path + ".address");
                    if (!seen.Add(address))
                    {
                        throw new GenesisException(path + ".address", $"{address} appears twice.");
                    }

                    var stake = Integer(Required(obj, "stake", path + ".stake"), path + ".stake");
                    if (stake < parameters.MinStakeMinorUnits)
                    {
                        throw new GenesisException(path + ".stake", $"{stake} is below min_stake = {parameters.MinStakeMinorUnits}.");
                    }

                    var names = Array(Required(obj, "capabilities", path + ".capabilities"), path + ".capabilities")
                        .Select((e, k) => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new GenesisException($"{path}.capabilities[{k}]", "must be a string.")).ToList();
                    var cores = Integer(Required(obj, "cores", path + ".cores"), path + ".cores");
                    var memory = obj.TryGetProperty("memory_mib", out var m) ? Integer(m, path + ".memory_mib") : 0;
                    if (cores > uint.MaxValue || memory > uint.MaxValue)
                    {
                        throw new GenesisException(path + (cores > uint.MaxValue ? ".cores" : ".memory_mib"), $"must be 0 … {uint.MaxValue}.");
                    }

                    var caps = NodeCapabilities.TryCreate(names, (uint)cores, (uint)memory, out var error)
                        ?? throw new GenesisException(path + "." + error.Split(':')[0], error);
                    nodes.Add(new GenesisNode(address, stake, caps));
                }
            }

            var governance = root.TryGetProperty("governance", out var g) ? Governance(g) : null;
            return new GenesisConfig((long)timestamp, parameters, accounts, nodes) { Governance = governance };
        }
    }

    private static ProtocolParameters Parameters(JsonElement element)
    {
        var obj = Object(element, "parameters");
        var p = new ProtocolParameters();
        foreach (var property in obj.EnumerateObject())
        {
            var field = "parameters." + property.Name;
            p = property.Name switch
            {
                "native_asset" => p with { NativeAsset = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : throw new GenesisException(field, "must be a string.") },
                "min_stake" => p with { MinStakeMinorUnits = Integer(property.Value, field) },
                "commit_window_blocks" => p with { CommitWindowBlocks = Integer(property.Value, field) },
                "reveal_window_blocks" => p with { RevealWindowBlocks = Integer(property.Value, field) },
                "min_challenge_window_blocks" => p with { MinChallengeWindowBlocks = Integer(property.Value, field) },
                "unbonding_period_blocks" => p with { UnbondingPeriodBlocks = Integer(property.Value, field) },
                "slash_wrong_reveal_bps" => p with { SlashWrongRevealBps = Small(property.Value, field) },
                "slash_missed_commit_bps" => p with { SlashMissedCommitBps = Small(property.Value, field) },
                "slash_missed_reveal_bps" => p with { SlashMissedRevealBps = Small(property.Value, field) },
                "slash_insurance_share_bps" => p with { SlashInsuranceShareBps = Small(property.Value, field) },
                "reward_node_share_bps" => p with { RewardNodeShareBps = Small(property.Value, field) },
                "initial_reputation" => p with { InitialReputation = Small(property.Value, field) },
                "reputation_up_step" => p with { ReputationUpStep = Small(property.Value, field) },
                "reputation_down_step" => p with { ReputationDownStep = Small(property.Value, field) },
                "jail_threshold_faults" => p with { JailThresholdFaults = Small(property.Value, field) },
                "max_replication" => p with { MaxReplication = Small(property.Value, field) },
                "max_replacements_per_task" => p with { MaxReplacementsPerTask = Small(property.Value, field) },
                "min_task_fee" => p with { MinTaskFeeMinorUnits = Integer(property.Value, field) },
                "beacon_delay_squarings" => p with { BeaconDelaySquarings = Integer(property.Value, field) },
                _ => throw new GenesisException(field, "unknown parameter."),
            };
        }

        if (p.Validate() is { } error)
        {
            throw new GenesisException("parameters." + error.Field, error.Message);
        }

        return p;
    }

    private static GovernanceConfig Governance(JsonElement element)
    {
        var obj = Object(element, "governance");
        Known(obj, "governance", "governors", "threshold", "timelock_blocks", "proposal_lifetime_blocks");
        var governors = Array(Required(obj, "governors", "governance.governors"), "governance.governors")
            .Select((e, k) => ParseAddress(e, $"governance.governors[{k}]")).ToList();
        var config = GovernanceConfig.Create(
            governors,
            Small(Required(obj, "threshold", "governance.threshold"), "governance.threshold"),
            Integer(Required(obj, "timelock_blocks", "governance.timelock_blocks"), "governance.timelock_blocks"),
            Integer(Required(obj, "proposal_lifetime_blocks", "governance.proposal_lifetime_blocks"), "governance.proposal_lifetime_blocks"));
        return config.Validate() is { } error ? throw new GenesisException("governance." + error.Field, error.Message) : config;
    }

    private static JsonElement Object(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Object ? element : throw new GenesisException(path, "must be a JSON object.");

    private static JsonElement.ArrayEnumerator Array(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : throw new GenesisException(path, "must be a JSON array.");

    private static JsonElement Required(JsonElement obj, string name, string path) =>
        obj.TryGetProperty(name, out var value) ? value : throw new GenesisException(path, "is required.");

    private static void Known(JsonElement obj, string path, params string[] names)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (!names.Contains(property.Name, StringComparer.Ordinal))
            {
                throw new GenesisException(path + "." + property.Name, $"unknown field; expected one of {string.Join(", ", names)}.");
            }
        }
    }

    private static ulong Integer(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetUInt64(out var value)
            ? value
            : throw new GenesisException(path, $"must be an integer 0 … {ulong.MaxValue}; got {element.GetRawText()}.");

    private static uint Small(JsonElement element, string path)
    {
        var value = Integer(element, path);
        return value <= uint.MaxValue ? (uint)value : throw new GenesisException(path, $"must be 0 … {uint.MaxValue}; got {value}.");
    }

    private static Address ParseAddress(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String && Address.TryParse(element.GetString(), out var address)
            ? address
            : throw new GenesisException(path, $"must be an address 'asy' + 40 lowercase hex digits; got {element.GetRawText()}.");
}
