namespace Assay.Pricing.Engines.Fourier;

/// <summary>A real function of one real variable, passed as a struct so the integrator specialises per integrand.</summary>
internal interface IIntegrand
{
    /// <summary>The function value at <paramref name="x"/>.</summary>
    double Evaluate(double x);
}
