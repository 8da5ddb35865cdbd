using Xunit.Abstractions;

namespace Assay.Simulation.Tests;

/// <summary>The second half of the CI seed sweep (see <see cref="SeedSweep"/>).</summary>
public sealed class SeedSweepHighTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_invariant_holds_for_the_second_half_of_the_sweep() => SeedSweep.Run(SeedSweep.FirstSeed + SeedSweep.SeedsPerHalf, SeedSweep.SeedsPerHalf, output);
}
