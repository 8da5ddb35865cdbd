namespace Assay.Ledger.State;

/// <summary>Whether a node can be assigned work.</summary>
public enum NodeStatus : byte
{
    /// <summary>Eligible for allocation when its stake is at least the minimum.</summary>
    Active = 1,

    /// <summary>Excluded after repeated faults; its stake stays bonded and slashable.</summary>
    Jailed = 2,

    /// <summary>All stake is unbonding; not eligible; still slashable until released.</summary>
    Unbonding = 3,
}
