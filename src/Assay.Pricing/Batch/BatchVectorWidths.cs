using System.Runtime.Intrinsics;

namespace Assay.Pricing.Batch;

/// <summary>Turns a requested <see cref="BatchVectorWidth"/> into the kernel instantiation to run.</summary>
internal static class BatchVectorWidths
{
    /// <summary><see cref="BatchVectorWidth.Auto"/> becomes the widest accelerated width (else scalar); explicit widths are kept.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined width.</exception>
    public static BatchVectorWidth Resolve(BatchVectorWidth requested) => requested switch
    {
        BatchVectorWidth.Auto when Vector512.IsHardwareAccelerated => BatchVectorWidth.Vector512,
        BatchVectorWidth.Auto when Vector256.IsHardwareAccelerated => BatchVectorWidth.Vector256,
        BatchVectorWidth.Auto => BatchVectorWidth.Scalar,
        BatchVectorWidth.Scalar or BatchVectorWidth.Vector256 or BatchVectorWidth.Vector512 => requested,
        _ => throw new ArgumentOutOfRangeException(nameof(requested), requested, "Unknown vector width."),
    };
}
