namespace Assay.Ledger.Disputes;

/// <summary>The side of a dispute that must move next (encoded as one byte).</summary>
public enum DisputeParty : byte
{
    /// <summary>The agreed result's side: any node whose reveal matched the agreed root may move for it.</summary>
    Defender = 1,

    /// <summary>The account that opened the challenge.</summary>
    Challenger = 2,
}
