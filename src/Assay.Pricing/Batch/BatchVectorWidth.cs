namespace Assay.Pricing.Batch;

/// <summary>Which kernel instantiation a batch call runs; every choice gives the same bits.</summary>
public enum BatchVectorWidth
{
    /// <summary>512-bit vectors when the hardware accelerates them, else 256-bit vectors when it does, else scalar.</summary>
    Auto,

    /// <summary>One option at a time (the reference path).</summary>
    Scalar,

    /// <summary>Four options per <c>Vector256&lt;double&gt;</c>, whether or not the hardware accelerates it.</summary>
    Vector256,

    /// <summary>Eight options per <c>Vector512&lt;double&gt;</c>, whether or not the hardware accelerates it.</summary>
    Vector512,
}
