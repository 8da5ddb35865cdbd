using System.Globalization;
using System.Text;
using Assay.Ledger.Blocks;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Proofs.Signatures;

namespace Assay.Cli.Ledger;

/// <summary>Text renderings of a block and of an account proof for <c>assay ledger show|prove-account</c>.</summary>
public static class LedgerText
{
    /// <summary>The header fields, one per line, then one line per transaction.</summary>
    public static string Block(Block block, IReadOnlyList<TransactionOutcome> outcomes, bool fieldsRecovered)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(outcomes);
        var h = block.Header;
        var s = new StringBuilder();
        Line(s, $"height          {h.Height}");
        Line(s, $"hash            {h.Hash}");
        Line(s, $"parent_hash     {h.ParentHash}");
        Line(s, $"timestamp       {h.TimestampUnixMs} ms ({DateTimeOffset.FromUnixTimeMilliseconds(h.TimestampUnixMs):yyyy-MM-ddTHH:mm:ss.fffZ})");
        Line(s, $"tx_root         {h.TransactionRoot}");
        Line(s, $"outcomes_root   {h.OutcomesRoot}");
        Line(s, $"state_root      {h.StateRoot}");
        Line(s, $"beacon          {h.Beacon}");
        Line(s, $"tx_count        {h.TransactionCount}");
        if (!fieldsRecovered)
        {
            s.AppendLine("note: the block does not replay, so rejection fields (not stored) are unknown");
        }

        for (var i = 0; i < block.Transactions.Count; i++)
        {
            var tx = block.Transactions[i];
            var result = i < outcomes.Count ? outcomes[i].Result : Rejection.Accepted;
            var outcome = result.IsAccepted ? "accepted" : $"rejected {result.Reason} field {(result.Field.Length == 0 ? "?" : result.Field)}";
            var faulted = i < outcomes.Count && outcomes[i].Faulted ? " (faulted)" : string.Empty;
            Line(s, $"tx {i,3}  {tx.Body.Kind,-16} sender {tx.Sender}  nonce {tx.Nonce,5}  {outcome}{faulted}");
        }

        return s.ToString();
    }

    /// <summary>The account's nonce and balances, the head, and the proof's size.</summary>
    public static string Account(AccountProof proof, BlockHeader head)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(head);
        var s = new StringBuilder();
        Line(s, $"account         {proof.Address}");
        Line(s, $"nonce           {proof.Account.Nonce}");
        foreach (var (asset, amount) in proof.Account.Balances)
        {
            Line(s, $"balance         {amount} {asset}");
        }

        Line(s, $"head            height {head.Height} hash {head.Hash}");
        Line(s, $"state_root      {head.StateRoot}");
        Line(s, $"proof           {proof.Path.Siblings.Length} siblings; verified against the head state root");
        foreach (var sibling in proof.Path.Siblings)
        {
            Line(s, $"  {sibling}");
        }

        return s.ToString();
    }

    /// <summary>The line for an account not in the state.</summary>
    public static string UnknownAccount(Address address, BlockHeader head)
    {
        ArgumentNullException.ThrowIfNull(head);
        return string.Create(CultureInfo.InvariantCulture, $"account {address} is not in the state at height {head.Height} (root {head.StateRoot}){Environment.NewLine}");
    }

    private static void Line(StringBuilder s, FormattableString text) => s.AppendLine(text.ToString(CultureInfo.InvariantCulture));
}
