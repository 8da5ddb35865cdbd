namespace Assay.Ledger;

/// <summary>The canonical type tags of Assay.Ledger, from the 0x03xx range that <c>CanonicalTypeTags</c> reserves for it.</summary>
/// <remarks>
/// Sub-ranges: 0x0300–0x030F transactions and blocks; 0x0310–0x031F state records; 0x0320–0x032F proofs;
/// 0x0330–0x033F disputes (challenge, bisection step; next session); 0x0340–0x034F governance (proposal, approval,
/// execution; next session); 0x0350–0x035F the VDF beacon. A tag is never reused for another type.
/// </remarks>
public static class LedgerTypeTags
{
    /// <summary>Tag of <see cref="Transactions.SignedTransaction"/>.</summary>
    public const ushort SignedTransaction = 0x0301;

    /// <summary>Tag of <see cref="Blocks.BlockHeader"/>.</summary>
    public const ushort BlockHeader = 0x0302;

    /// <summary>Tag of <see cref="Transactions.TransactionOutcome"/>.</summary>
    public const ushort TransactionOutcome = 0x0303;

    /// <summary>Tag of <see cref="Blocks.Block"/>.</summary>
    public const ushort Block = 0x0304;

    /// <summary>Tag of a <see cref="Blocks.LedgerSnapshot"/> (the whole state plus head and genesis headers).</summary>
    public const ushort LedgerSnapshot = 0x0308;

    /// <summary>Tag of <see cref="State.Account"/>.</summary>
    public const ushort Account = 0x0310;

    /// <summary>Tag of <see cref="State.NodeRecord"/>.</summary>
    public const ushort NodeRecord = 0x0311;

    /// <summary>Tag of <see cref="State.TaskRecord"/>.</summary>
    public const ushort TaskRecord = 0x0312;

    /// <summary>Tag of <see cref="State.ProtocolParameters"/>.</summary>
    public const ushort ProtocolParameters = 0x0313;

    /// <summary>Tag of <see cref="State.ChainRecord"/>.</summary>
    public const ushort ChainRecord = 0x0314;

    /// <summary>Tag of <see cref="State.JailRecord"/>.</summary>
    public const ushort JailRecord = 0x0315;

    /// <summary>Tag of <see cref="State.EvidenceRecord"/>.</summary>
    public const ushort EvidenceRecord = 0x0316;

    /// <summary>Tag of <see cref="State.AccountProof"/>.</summary>
    public const ushort AccountProof = 0x0320;

    /// <summary>Tag of <see cref="Disputes.DisputeRecord"/>.</summary>
    public const ushort DisputeRecord = 0x0330;

    /// <summary>Tag of <see cref="Governance.GovernanceConfig"/>.</summary>
    public const ushort GovernanceConfig = 0x0340;

    /// <summary>Tag of <see cref="Governance.GovernanceState"/>.</summary>
    public const ushort GovernanceState = 0x0341;

    /// <summary>Tag of <see cref="Governance.Proposal"/>.</summary>
    public const ushort Proposal = 0x0342;
}
