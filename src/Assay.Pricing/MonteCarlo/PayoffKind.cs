namespace Assay.Pricing.MonteCarlo;

/// <summary>The contracts the Monte Carlo engine prices.</summary>
public enum PayoffKind
{
    /// <summary>European vanilla: max(θ(S_T − K), 0).</summary>
    European,

    /// <summary>Cash-or-nothing digital: pays 1 when θ(S_T − K) &gt; 0.</summary>
    Digital,

    /// <summary>Arithmetic-average-price Asian: max(θ(A − K), 0), A the mean of N equally spaced fixings; geometric Asian as control variate.</summary>
    ArithmeticAsian,

    /// <summary>Geometric-average-price Asian: max(θ(G − K), 0), G the geometric mean of N equally spaced fixings.</summary>
    GeometricAsian,

    /// <summary>Single barrier (knock-in or knock-out, up or down) on a European vanilla, with a cash rebate.</summary>
    Barrier,

    /// <summary>Fixed-strike lookback: call max(M − K, 0), put max(K − m, 0), M and m the maximum and minimum of S over [0, T].</summary>
    FixedLookback,

    /// <summary>Floating-strike lookback: call S_T − m, put M − S_T.</summary>
    FloatingLookback,

    /// <summary>European option on a basket value Σ w_i·S_i(T) (with <see cref="BasketModel"/>).</summary>
    Basket,

    /// <summary>American vanilla exercisable at the grid dates t_i = i·T/steps, priced by Longstaff–Schwartz (<see cref="LongstaffSchwartz.LongstaffSchwartzEngine"/>).</summary>
    American,
}
