using System.Text;
using System.Text.Json;
using Assay.Ledger.Blocks;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Proofs.Canonical;
using Assay.Proofs.Signatures;

namespace Assay.Cli.Ledger;

/// <summary>JSON renderings of a block and of an account proof for <c>assay ledger show|prove-account --json</c>.</summary>
/// <remarks>Hashes and keys are lowercase hex; amounts and nonces are JSON numbers written from the exact integers; field names are snake_case.</remarks>
public static class LedgerJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true };

    /// <summary>The block's header and its transactions with kind, sender, nonce and outcome.</summary>
    public static string Block(Block block, IReadOnlyList<TransactionOutcome> outcomes, bool fieldsRecovered)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(outcomes);
        return Write(w =>
        {
            var h = block.Header;
            w.WriteStartObject();
            w.WriteNumber("height", h.Height);
            w.WriteString("hash", h.Hash.ToString());
            w.WriteString("parent_hash", h.ParentHash.ToString());
            w.WriteNumber("timestamp_unix_ms", h.TimestampUnixMs);
            w.WriteString("tx_root", h.TransactionRoot.ToString());
            w.WriteString("outcomes_root", h.OutcomesRoot.ToString());
            w.WriteString("state_root", h.StateRoot.ToString());
            w.WriteString("beacon", h.Beacon.ToString());
            w.WriteNumber("tx_count", h.TransactionCount);
            w.WriteBoolean("fields_recovered", fieldsRecovered);
            w.WriteStartArray("transactions");
            for (var i = 0; i < block.Transactions.Count; i++)
            {
                var tx = block.Transactions[i];
                var result = i < outcomes.Count ? outcomes[i].Result : Rejection.Accepted;
                w.WriteStartObject();
                w.WriteNumber("index", i);
                w.WriteString("hash", tx.Hash.ToString());
                w.WriteString("kind", tx.Body.Kind.ToString());
                w.WriteString("sender", tx.Sender.ToString());
                w.WriteNumber("nonce", tx.Nonce);
                w.WriteString("outcome", result.IsAccepted ? "accepted" : "rejected");
                if (!result.IsAccepted)
                {
                    w.WriteString("reason", result.Reason.ToString());
                    w.WriteString("field", result.Field);
                    w.WriteString("message", result.Message);
                }

                w.WriteBoolean("faulted", i < outcomes.Count && outcomes[i].Faulted);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>The account, its proof (siblings and canonical encoding) and the head it was verified against.</summary>
    public static string Account(AccountProof proof, BlockHeader head)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(head);
        return Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("address", proof.Address.ToString());
            w.WriteBoolean("found", true);
            w.WriteNumber("head_height", head.Height);
            w.WriteString("head_hash", head.Hash.ToString());
            w.WriteString("state_root", head.StateRoot.ToString());
            w.WriteNumber("nonce", proof.Account.Nonce);
            w.WriteString("public_key", proof.Account.PublicKey is { } key ? Convert.ToHexStringLower(key.Encode()) : null);
            w.WriteStartObject("balances");
            foreach (var (asset, amount) in proof.Account.Balances)
            {
                w.WriteNumber(asset, amount);
            }

            w.WriteEndObject();
            w.WriteBoolean("verified", true);
            w.WriteStartArray("proof_siblings");
            foreach (var sibling in proof.Path.Siblings)
            {
                w.WriteStringValue(sibling.ToString());
            }

            w.WriteEndArray();
            w.WriteString("proof_encoded", Convert.ToHexStringLower(CanonicalEncoding.Encode(proof)));
            w.WriteEndObject();
        });
    }

    /// <summary>An account that is not in the state at the head.</summary>
    public static string UnknownAccount(Address address, BlockHeader head)
    {
        ArgumentNullException.ThrowIfNull(head);
        return Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("address", address.ToString());
            w.WriteBoolean("found", false);
            w.WriteNumber("head_height", head.Height);
            w.WriteString("state_root", head.StateRoot.ToString());
            w.WriteEndObject();
        });
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            body(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }
}
