using Assay.Pricing.Batch;

namespace Assay.Pricing.MonteCarlo.Paths;

/// <summary>A model's path simulation on the engine's time grid; implemented by readonly structs for the hot loop.</summary>
internal interface IPathStepper
{
    /// <summary>Simulates paths firstPath + lane (normals negated when <paramref name="negate"/>: the antithetic mirror).</summary>
    /// <param name="seed">Task seed.</param>
    /// <param name="firstPath">Variate path index of lane 0.</param>
    /// <param name="negate">Use −Z for every normal.</param>
    /// <param name="requirements">The statistics the payoff needs; see <see cref="PathObserver"/>.</param>
    PathStatistics<TLane> Walk<TLane, TMask>(ulong seed, ulong firstPath, bool negate, PathRequirements requirements)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged;
}
