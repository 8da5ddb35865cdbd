namespace Assay.Ledger.Governance;

/// <summary>Where a proposal stands (frozen codes).</summary>
public enum ProposalStatus : byte
{
    /// <summary>Collecting approvals or waiting for its time lock.</summary>
    Open = 1,

    /// <summary>Executed; its changes take effect from the next block.</summary>
    Executed = 2,
}
