using System.Runtime.CompilerServices;

// The Black–Scholes kernel's own approximations (BlackScholesKernel.MillsRationalPair, GrowthRatio) are checked
// directly against mpmath and the Numerics kernels by BlackScholesKernelApproximationTests.
[assembly: InternalsVisibleTo("Assay.Pricing.Tests")]
