using Assay.Pricing.Batch;

namespace Assay.Pricing.MonteCarlo;

/// <summary>How many paths to simulate, on what time grid, from which seed, and how to spread the work.</summary>
/// <remarks>
/// <para>Paths are cut into batches of <see cref="MonteCarloEngine.BatchPaths"/> whatever the thread count; the
/// result depends only on <see cref="Paths"/>, <see cref="Steps"/>, <see cref="Seed"/> and
/// <see cref="Antithetic"/> (and the model and payoff), never on <see cref="MaxDegreeOfParallelism"/> or
/// <see cref="VectorWidth"/>.</para>
/// <para>With <see cref="Antithetic"/>, path 2j uses the normals of variate path j and path 2j + 1 their negatives;
/// the pair average is one sample, so <see cref="Paths"/> must be even and standard errors are over pairs.</para>
/// </remarks>
/// <param name="Paths">Number of simulated paths, 2 … <see cref="MaxPaths"/>.</param>
/// <param name="Steps">Time steps per path on the uniform grid t_i = i·T/Steps, 1 … <see cref="MaxSteps"/>.</param>
/// <param name="Seed">Task seed: the Philox key of every variate.</param>
/// <param name="Antithetic">Pair every path with its mirror image (−Z).</param>
/// <param name="MaxDegreeOfParallelism">Threads: a positive count, or −1 for all cores.</param>
/// <param name="VectorWidth">Lane width of the path kernels; every choice gives the same bits.</param>
public readonly record struct MonteCarloSettings(
    long Paths,
    int Steps,
    ulong Seed,
    bool Antithetic = false,
    int MaxDegreeOfParallelism = -1,
    BatchVectorWidth VectorWidth = BatchVectorWidth.Auto)
{
    /// <summary>Largest accepted path count, 2^32: the sample count of the fixed-point batch sums (<c>FixedPointAccumulator.MaxCount</c>).</summary>
    public const long MaxPaths = 1L << 32;

    /// <summary>Largest accepted number of time steps per path.</summary>
    public const int MaxSteps = 100_000;

    /// <summary>Throws <see cref="PricingInputException"/> naming the first field out of range.</summary>
    public void Validate()
    {
        if (Paths < 2 || Paths > MaxPaths)
        {
            InputGuard.Fail("paths", $"paths must be between 2 and {MaxPaths} (2^32); got {Paths}");
        }

        if (Antithetic && (Paths % 2 != 0 || Paths < 4))
        {
            InputGuard.Fail("paths", $"paths must be even and at least 4 with antithetic variates (two or more pairs); got {Paths}");
        }

        if (Steps < 1 || Steps > MaxSteps)
        {
            InputGuard.Fail("steps", $"steps must be between 1 and {MaxSteps}; got {Steps}");
        }

        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
        {
            InputGuard.Fail("threads", $"threads must be a positive count or -1 for all cores; got {MaxDegreeOfParallelism}");
        }

        if (VectorWidth is not (BatchVectorWidth.Auto or BatchVectorWidth.Scalar or BatchVectorWidth.Vector256 or BatchVectorWidth.Vector512))
        {
            InputGuard.Fail("vector_width", $"vector width must be Auto, Scalar, Vector256 or Vector512; got {(int)VectorWidth}");
        }
    }
}
