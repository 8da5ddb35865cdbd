namespace Assay.Ledger.Views;

/// <summary>An inclusion proof of an account against the state root of a block.</summary>
/// <param name="Address">Address (<c>asy…</c>).</param>
/// <param name="Height">Height of the block whose state root the proof verifies against.</param>
/// <param name="StateRoot">That state root (hex).</param>
/// <param name="Present">Whether the account exists (false: <see cref="Proof"/> is null).</param>
/// <param name="Proof">Canonical encoding of the <c>AccountProof</c> (hex), or null.</param>
public sealed record AccountProofView(string Address, long Height, string StateRoot, bool Present, string? Proof);
