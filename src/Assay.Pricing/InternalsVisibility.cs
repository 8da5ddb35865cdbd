using System.Runtime.CompilerServices;

// The Black–Scholes kernel's inline approximations (BlackScholesKernel.ErfcxRational, GrowthRatio) are checked
// directly against the Numerics kernels by BlackScholesKernelApproximationTests.
[assembly: InternalsVisibleTo("Assay.Pricing.Tests")]
