namespace Assay.Pricing.Instruments;

/// <summary>Where a single barrier sits relative to spot and what touching it does.</summary>
public enum BarrierType
{
    /// <summary>Barrier below spot; the option dies when it is touched.</summary>
    DownOut,

    /// <summary>Barrier below spot; the option comes alive when it is touched.</summary>
    DownIn,

    /// <summary>Barrier above spot; the option dies when it is touched.</summary>
    UpOut,

    /// <summary>Barrier above spot; the option comes alive when it is touched.</summary>
    UpIn,
}
