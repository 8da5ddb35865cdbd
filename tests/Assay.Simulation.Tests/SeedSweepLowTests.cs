using Xunit.Abstractions;

namespace Assay.Simulation.Tests;

/// <summary>The first half of the CI seed sweep (see <see cref="SeedSweep"/>).</summary>
public sealed class SeedSweepLowTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_invariant_holds_for_the_first_half_of_the_sweep() => SeedSweep.Run(SeedSweep.FirstSeed, SeedSweep.SeedsPerHalf, output);
}
