using Assay.Pricing.Batch;
using Assay.Pricing.MonteCarlo.Paths;

namespace Assay.Pricing.MonteCarlo.Payoffs;

/// <summary>A contract evaluated on the statistics of simulated paths; implemented by readonly structs for the hot loop.</summary>
internal interface IPathPayoff
{
    /// <summary>The running statistics the path walk must collect.</summary>
    PathRequirements Requirements { get; }

    /// <summary>Whether <see cref="PathSample{TLane}.Control"/> is a control variate with mean <see cref="ControlMean"/>.</summary>
    bool HasControl { get; }

    /// <summary>The exact expectation of the control variate (0 without one).</summary>
    double ControlMean { get; }

    /// <summary>The sample of each lane's path.</summary>
    PathSample<TLane> Evaluate<TLane, TMask>(in PathStatistics<TLane> path)
        where TLane : unmanaged, ILane<TLane, TMask>
        where TMask : unmanaged;
}
