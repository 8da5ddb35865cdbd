namespace Assay.Pricing.MonteCarlo.LongstaffSchwartz;

/// <summary>A Longstaff–Schwartz American price and the exercise policy it was priced with.</summary>
/// <param name="Estimate">The Monte Carlo estimate under the fixed policy (control variate: the European payoff on the same path).</param>
/// <param name="Policy">The fitted exercise rule (recomputable by <see cref="LongstaffSchwartzEngine.FitPolicy"/>).</param>
public sealed record LongstaffSchwartzResult(MonteCarloResult Estimate, ExercisePolicy Policy);
