namespace Assay.Pricing.Batch;

/// <summary>Per-thread scratch columns for the passes of <see cref="BlackScholesBatch"/>, allocated once per thread.</summary>
internal sealed class BlackScholesBatchScratch
{
    /// <summary>Options per block of passes; small enough that all columns stay in the L1 cache.</summary>
    internal const int BlockLength = 128;

    /// <summary>Number of double columns.</summary>
    internal const int ColumnCount = 15;

    [ThreadStatic]
    private static BlackScholesBatchScratch? _current;

    private readonly double[] _columns = new double[ColumnCount * BlockLength];

    /// <summary>Gets one flag word per option index of a block (only vector starts are used).</summary>
    internal int[] Flags { get; } = new int[BlockLength];

    /// <summary>The scratch of the calling thread, created on first use.</summary>
    internal static BlackScholesBatchScratch ForCurrentThread() => _current ??= new BlackScholesBatchScratch();

    /// <summary>The first <paramref name="length"/> doubles of column <paramref name="index"/>.</summary>
    internal Span<double> Column(int index, int length) => _columns.AsSpan(index * BlockLength, length);
}
