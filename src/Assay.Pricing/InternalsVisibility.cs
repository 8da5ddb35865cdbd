using System.Runtime.CompilerServices;

// The Black–Scholes kernel's own approximations (MillsRationalPair, MillsTailPair, GrowthRatio) are checked
// directly against mpmath and the Numerics kernels by BlackScholesKernelApproximationTests.
[assembly: InternalsVisibleTo("Assay.Pricing.Tests")]
