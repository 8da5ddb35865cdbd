namespace Assay.Compute.Agreement;

/// <summary>The outcome of tolerance agreement: the pooled estimate (the answer) and which estimates fall within the band.</summary>
/// <param name="Pooled">Inverse-variance weighted mean of all estimates and its standard error.</param>
/// <param name="Accepted">Per estimate, in input order, whether it lies within z standard errors of the pooled estimate.</param>
/// <param name="AcceptedCount">Number of accepted estimates.</param>
public sealed record AgreementResult(Estimate Pooled, IReadOnlyList<bool> Accepted, int AcceptedCount)
{
    /// <summary>Whether every estimate was accepted.</summary>
    public bool AllAgree => AcceptedCount == Accepted.Count;
}
