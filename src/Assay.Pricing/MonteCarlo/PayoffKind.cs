namespace Assay.Pricing.MonteCarlo;

/// <summary>The contracts the Monte Carlo engine prices.</summary>
public enum PayoffKind
{
    /// <summary>European vanilla: max(θ(S_T − K), 0).</summary>
    European,

    /// <summary>Cash-or-nothing digital: pays 1 when θ(S_T − K) &gt; 0.</summary>
    Digital,

    /// <summary>American vanilla exercisable at the grid dates t_i = i·T/steps, priced by Longstaff–Schwartz (<see cref="LongstaffSchwartz.LongstaffSchwartzEngine"/>).</summary>
    American,
}
