namespace Assay.Ledger.Views;

/// <summary>A task's spec as the hex of its canonical encoding.</summary>
/// <param name="Spec">Canonical <c>TaskSpec</c> bytes (hex).</param>
public sealed record TaskSpecView(string Spec);
