namespace Assay.Compute.Tasks;

/// <summary>The registered task-kind identifiers written in a <see cref="TaskSpec"/>; an id is never reused.</summary>
public static class TaskKindIds
{
    /// <summary>Portfolio of European options priced analytically with Greeks.</summary>
    public const ushort PriceBook = 1;

    /// <summary>Monte Carlo pricing in path batches.</summary>
    public const ushort MonteCarlo = 2;
}
